// Documents module (issue 19 item 5): the documents issued when a permit or registration is
// completed (issue-document.ts, an event handler), their public verification and revocation
// (graphql/), and the downloads of a request's PDFs — receipt and issued document (document-routes.ts).
import './graphql/issued-document.js';
