// The GraphQL documents of the scenarios, and the hand-written SQL of the raw baseline that
// answers the same questions with the same JSON.

export const S0 = '{ __typename }';

export const S1 = `query S1($code: String!) {
  serviceRequest(trackingCode: $code) {
    trackingCode state submittedAt
    service { code name }
    unit { code name }
  }
}`;

/** The queue row S2 reads per request, as an `edges` selection. */
const S2_EDGES = `edges { node {
      trackingCode state submittedAt
      service { code name }
      assignee { name rank unit { code name } }
      events { sequence toState at }
    } }`;

export const S2 = `query S2($n: Int!) {
  serviceRequests(first: $n) {
    ${S2_EDGES}
  }
}`;

export const S3 = `mutation S3($input: SubmitServiceRequestInput!) {
  submitServiceRequest(input: $input) {
    __typename
    ... on ServiceRequestPayload { request { trackingCode state completionDueOn assignee { name } } }
    ... on Failure { message }
  }
}`;

/**
 * A 1 MB body (issue 15: nothing in front of authentication slower than linear): the trivial
 * query with just under 1 MiB of repeated variable values, read, depth-scanned, parsed and checked
 * by the input guard before Yoga runs it. Its req/s against S0 is the cost of the body.
 */
export function s6Body(maxBytes = 1_048_576): string {
  const shell = (pad: string[]) => JSON.stringify({ query: S0, variables: { pad } });
  const item = 'abcdefghij';
  const count = Math.floor((maxBytes - shell([]).length - 64) / (item.length + 3));
  return shell(Array.from({ length: count }, () => item));
}

/**
 * S7 and S8 (issue 15 kind 3, parsing cost grows linearly): a form of `n` repeated fields
 * `x[]=abc` for the Open311 POST, and a GraphQL JSON body of `n` repeated values. Measured at `n`
 * and `2n`: a quadratic parser (the old form parser copied its array per `x[]=`) at least
 * quadruples its time when the body doubles; a linear one about doubles it.
 */
export const PARSE_SIZES = { form: 20_000, json: 40_000 } as const;
export const s7FormBody = (n: number) => Array.from({ length: n }, () => 'x[]=abc').join('&');
export const s8JsonBody = (n: number) =>
  JSON.stringify({ query: S0, variables: { pad: Array.from({ length: n }, () => 'abc') } });

/** The public catalogue (anonymous): what the response cache is for. */
export const S5 = `{
  services(first: 20) { edges { node { code name kind completionDays unit { code name } } } }
}`;

/** S2 as a client pages it: the same selection, one page after `$after`, with the page info. */
export const S2_PAGE = `query S2Page($n: Int!, $after: String) {
  serviceRequests(first: $n, after: $after) {
    pageInfo { hasNextPage endCursor }
    ${S2_EDGES}
  }
}`;

/** PostGraphile 4's closest equivalent of S2 (its default inflection of the same tables). */
export const S2_POSTGRAPHILE = `query S2($unitId: UUID!, $n: Int!) {
  allServiceRequests(condition: { unitId: $unitId }, orderBy: [SUBMITTED_AT_DESC, ID_ASC], first: $n) {
    nodes {
      trackingCode state submittedAt
      serviceByServiceId { code name }
      staffByAssigneeStaffId { name rank unitByUnitId { code name } }
      requestEventsByRequestId(orderBy: SEQUENCE_ASC) { nodes { sequence toState at } }
    }
  }
}`;

export const SQL_S1 = `
SELECT r."trackingCode", r.state, r."submittedAt", s.code AS "serviceCode", s.name AS "serviceName",
       u.code AS "unitCode", u.name AS "unitName"
FROM service_request r
JOIN service s ON s.id = r."serviceId"
JOIN unit u ON u.id = r."unitId"
WHERE r."trackingCode" = $1`;

export const SQL_S2 = `
SELECT r."trackingCode", r.state, r."submittedAt", s.code AS "serviceCode", s.name AS "serviceName",
       a.name AS "assigneeName", a.rank AS "assigneeRank", au.code AS "assigneeUnitCode",
       au.name AS "assigneeUnitName",
       (SELECT coalesce(json_agg(json_build_object('sequence', e.sequence, 'toState', e."toState", 'at', e.at)
                                 ORDER BY e.sequence), '[]')
        FROM request_event e WHERE e."requestId" = r.id) AS events
FROM service_request r
JOIN service s ON s.id = r."serviceId"
LEFT JOIN staff a ON a.id = r."assigneeStaffId"
LEFT JOIN unit au ON au.id = a."unitId"
WHERE r."unitId" = (SELECT id FROM unit WHERE code = $1)
ORDER BY r."submittedAt" DESC, r.id ASC
LIMIT $2`;

/** IKM of a unit for a year (feedback area, contract in the issue 6 GraphQL names). */
export const S4 = `query S4($unit: String!, $year: Int!) {
  ikm(unitCode: $unit, period: { kind: YEAR, year: $year }) {
    __typename
    ... on IkmPayload { data { respondents index score grade elements { code average respondents } } }
  }
}`;

/**
 * Baseline (c): the statement behind S4, as the gateway sends it (feedback area's surveyTotals:
 * respondents and per-element sums over a unit's responses of the year), sent bare through pg
 * with the unit id already known.
 */
export const SQL_S4 = `
WITH r AS (
  SELECT sr.id, 1 AS bucket
  FROM survey_response sr
  WHERE sr.date >= $2::date AND sr.date <= $3::date AND sr."unitId" = $1::uuid
), n AS (SELECT bucket, count(*)::int AS respondents FROM r GROUP BY bucket)
SELECT n.bucket, n.respondents, a.element::text AS element, sum(a.score)::int AS sum, count(*)::int AS answered
FROM n JOIN r ON r.bucket = n.bucket JOIN survey_answer a ON a."responseId" = r.id
GROUP BY n.bucket, n.respondents, a.element`;
