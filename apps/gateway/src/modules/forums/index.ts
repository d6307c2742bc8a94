// Forums module: forums and sessions, submissions and their public answers, commitments and
// accountability per unit.
import './forum.js';
import './submission.js';
import './commitment.js';
import './forum-accountability.js';
