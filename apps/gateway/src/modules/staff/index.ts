// Staff module: the ASN register, its reports and its write commands.
import './staff.js';
import './staff-reports.js';
import './staff-mutations.js';
