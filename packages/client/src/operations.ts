// The operations another city system needs. Each is a typed document: results and variables
// are inferred from the schema, so a schema change that breaks one fails `tsc`.
import { graphql } from './graphql.js';

export const StaffByNipQuery = graphql(`
  query StaffByNip($nip: String!) {
    staffByNip(nip: $nip) { id nip name position rank kind active unit { code name } }
  }
`);

export const ServicesQuery = graphql(`
  query Services($first: Int, $after: String, $unitCode: String, $kind: ServiceKind) {
    services(first: $first, after: $after, unitCode: $unitCode, kind: $kind) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          code name description kind completionDays costIdr
          unit { code name }
          currentVersion { version attributes { code datatype required description values { key name } } }
        }
      }
    }
  }
`);

export const SubmitRequestMutation = graphql(`
  mutation SubmitRequest($input: SubmitServiceRequestInput!) {
    submitServiceRequest(input: $input) {
      __typename
      ... on ServiceRequestPayload { request { trackingCode state version submittedAt verificationDueOn service { code } } }
      ... on ValidationError { code message messageId messageEn fields { field code message } }
      ... on NotFoundError { code message messageId messageEn }
      ... on ConflictError { code message messageId messageEn }
    }
  }
`);

export const RequestQuery = graphql(`
  query Request($trackingCode: String!) {
    serviceRequest(trackingCode: $trackingCode) {
      trackingCode state stateLabel open311Status version submittedAt verificationDueOn completionDueOn
      verificationOverdue completionOverdue originalText attributeValues
      service { code name } unit { code name }
      events { sequence kind toState publicNote at }
    }
  }
`);

export const RequestStatusQuery = graphql(`
  query RequestStatus($trackingCode: String!) {
    requestStatus(trackingCode: $trackingCode) {
      trackingCode state stateLabel open311Status submittedAt verificationDueOn completionDueOn overdue
      service { code name }
      trail { toState at }
    }
  }
`);

export const RequestUpdatedSubscription = graphql(`
  subscription RequestUpdated($trackingCode: String!) {
    requestUpdated(trackingCode: $trackingCode) { trackingCode state version at }
  }
`);

export const RequestStatisticsQuery = graphql(`
  query RequestStatistics($from: Day!, $to: Day!, $groupBy: RequestStatisticsGroup!, $unitCode: String, $serviceCode: String) {
    requestStatistics(from: $from, to: $to, groupBy: $groupBy, unitCode: $unitCode, serviceCode: $serviceCode) {
      __typename
      ... on RequestStatisticsPayload {
        data {
          key name count verified completed completedWithinStandard withinStandardShare backlog overdue
          medianVerifyWorkingDays p90VerifyWorkingDays medianCompleteWorkingDays p90CompleteWorkingDays
        }
      }
      ... on ValidationError { code message messageId messageEn fields { field code message } }
    }
  }
`);

export const IkmQuery = graphql(`
  query Ikm($period: SkmPeriodInput!, $unitCode: String, $serviceCode: String) {
    ikm(period: $period, unitCode: $unitCode, serviceCode: $serviceCode) {
      __typename
      ... on IkmPayload {
        data {
          scope key name periodLabel from to respondents population requiredSample coverage
          index score scoreDisplay grade gradeLabel rule weakestElements suppressed
          elements { code label average respondents }
        }
      }
      ... on ValidationError { code message messageId messageEn fields { field code message } }
      ... on NotFoundError { code message messageId messageEn }
    }
  }
`);

export const IkmTrendQuery = graphql(`
  query IkmTrend($year: Int!, $kind: SkmPeriodKind!, $unitCode: String, $serviceCode: String) {
    ikmTrend(year: $year, kind: $kind, unitCode: $unitCode, serviceCode: $serviceCode) {
      __typename
      ... on IkmTrendPayload { data { periodLabel from to respondents score scoreDisplay grade suppressed } }
      ... on ValidationError { code message messageId messageEn fields { field code message } }
      ... on NotFoundError { code message messageId messageEn }
    }
  }
`);
