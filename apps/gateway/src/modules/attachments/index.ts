// Attachments module (issue 19): files on requests (filing, correction answers, staff notes),
// checked by content and stored once by SHA-256 (prepare-attachments.ts), their rows
// (record-attachments.ts), who sees them (access.ts) and the signed links that serve them
// (signed-link.ts, file-route.ts).
import './graphql/attachment.js';
