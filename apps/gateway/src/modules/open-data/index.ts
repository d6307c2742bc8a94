// Open data (issue 23): anonymous CSV and JSON downloads under /open-data/ of the requests of open
// services, the IKM per unit, service and month, the forums' accountability and the service
// catalogue. The rules (what is open, which columns, suppression of small groups) are the
// domain's (`@layanan/domain` open-data.ts); the aggregates reuse the GraphQL fields' queries.
export { OPEN_DATA_PREFIX, openDataRoutes } from './route.js';
