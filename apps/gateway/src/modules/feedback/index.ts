// Feedback module: the SKM survey and IKM, citizens' staff ratings, the SKM report (GraphQL and
// CSV) and the closed loop of improvement actions.
//   graphql/   types, queries and mutation fields      commands/  write commands (deps, caller, input)
//   queries/   SQL aggregates and loaders               reports/   the SKM CSV and its route
//   access.ts  who may read and change what             invitation.ts  the survey invitation
// The rules are @layanan/domain/feedback's.
import './graphql/skm-types.js';
import './graphql/ikm-queries.js';
import './graphql/historic-ikm.js';
import './graphql/survey.js';
import './graphql/citizen-rating.js';
import './graphql/improvement-actions.js';
