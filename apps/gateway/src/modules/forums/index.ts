// Forums module: forums and sessions, submissions and their public answers, commitments and
// accountability per unit. graphql/ holds the schema, commands/ the writes (also callable from
// jobs and other routes), access.ts the unit rules; the rules themselves are @layanan/domain/forums.
import './graphql/forum.js';
import './graphql/submission.js';
import './graphql/submission-photos.js';
import './graphql/commitment.js';
import './graphql/accountability.js';
