export {
  createLayananClient,
  type IkmReport,
  type IkmTrendPoint,
  type LayananClient,
  type LayananClientOptions,
  type LayananError,
  newIdempotencyKey,
  type RequestStatisticsRow,
  type RequestUpdate,
  type Result,
  type ServiceSummary,
  type SubmitRequestInput,
  type SubmittedRequest,
} from './client.js';
export { graphql, type ResultOf, type VariablesOf } from './graphql.js';
export * as operations from './operations.js';
