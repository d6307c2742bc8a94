// Privacy module (issue 23 item 3, UU 27/2022): a person's export of their data, correction and
// erasure of their account, consent to the privacy notice, the log of staff views of their
// identity, and the retention schedule. What is personal and what survives is the domain's
// (`@layanan/domain` accounts/personal-data.ts, docs/personal-data.md).
import './graphql/personal-data.js';
import './graphql/rights.js';
import './graphql/notice.js';
