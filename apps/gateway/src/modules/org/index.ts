// Org module: units, districts and the working-day calendar (holidays).
import './unit.js';
import './district.js';
import './holiday.js';
