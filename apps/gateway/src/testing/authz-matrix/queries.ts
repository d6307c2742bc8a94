// Query fields of the authorization matrix (format in model.ts).
import {
  type Answer,
  DENIED_TO_OUTSIDERS,
  decide,
  type MatrixEntry,
  personalFields,
  shorterThan,
  staffOnly,
} from './model.js';

export const QUERY_MATRIX: Readonly<Record<string, MatrixEntry>> = {
  me: { doc: '{ me { __typename kind } }', roles: decide('allowed') },
  districts: { doc: '{ districts { code } }', roles: decide(['allowed', 'public reference data']) },
  holidays: { doc: '{ holidays(year: 2026) { date } }', roles: decide(['allowed', 'public calendar']) },
  units: { doc: '{ units(first: 5) { totalCount } }', roles: decide('allowed') },
  unit: { doc: '{ unit(code: "DPMPTSP") { __typename code } }', roles: decide('allowed') },
  services: {
    doc: '{ services(first: 5) { totalCount } }',
    roles: decide(['allowed', 'public catalogue']),
  },
  service: {
    doc: 'query($code: String!) { service(code: $code) { __typename code } }',
    vars: (f) => ({ code: f.service.code }),
    roles: decide('allowed'),
  },
  forums: { doc: '{ forums(first: 5) { totalCount } }', roles: decide(['allowed', 'public forums']) },
  forum: {
    doc: 'query($slug: String!) { forum(slug: $slug) { __typename slug } }',
    vars: (f) => ({ slug: f.forum.slug }),
    roles: decide('allowed'),
  },
  submissions: {
    doc: '{ submissions(first: 5) { totalCount edges { node { __typename } } } }',
    roles: decide(['allowed', 'public; hidden text and hidden author names are blanked per field']),
  },
  forumAccountability: {
    doc: '{ forumAccountability(from: "2026-01-01", to: "2026-12-31") { __typename } }',
    roles: decide(['allowed', 'public accountability report']),
  },
  requestStatistics: {
    doc: '{ requestStatistics(from: "2026-01-01", to: "2026-12-31", groupBy: UNIT) { __typename } }',
    roles: decide(['allowed', 'aggregate times only, no personal data']),
  },
  requestStatus: {
    doc: 'query($code: String!) { requestStatus(trackingCode: $code) { __typename state } }',
    vars: async (f) => ({ code: (await f.request()).trackingCode }),
    roles: decide(['allowed', 'public trail: states and times, no text or notes']),
  },
  serviceRequest: {
    doc: 'query($code: String!) { serviceRequest(trackingCode: $code) { __typename originalText } }',
    vars: async (f) => ({ code: (await f.request()).trackingCode }),
    roles: decide(['denied', 'null: existence is not revealed'], {
      citizen: ['allowed', 'owner'],
      unitStaff: 'allowed',
      supervisor: 'allowed',
      admin: 'allowed',
    }),
    deniedAs: ['null'],
  },
  serviceRequests: {
    doc: '{ serviceRequests(first: 5) { totalCount } }',
    roles: decide(['filtered', 'own requests (citizens) or own unit (staff)'], {
      anonymous: 'denied',
      admin: 'allowed',
      system: ['filtered', 'API keys see no requests'],
    }),
    check: shorterThan((f) => f.totals.requests),
  },
  staffMembers: {
    doc: 'query($unit: String!) { staffMembers(unitCode: $unit, first: 100) { totalCount edges { node { nip birthDate } } } }',
    vars: (f) => ({ unit: f.unit.code }),
    roles: decide(['filtered', 'public fields only: nip and birth date null'], {
      supervisor: ['allowed', 'supervises the unit'],
      admin: 'allowed',
    }),
    check: (data, outcome) => {
      const nodes = data.staffMembers.edges.map((e: Answer) => e.node);
      if (nodes.length === 0) return 'no staff listed';
      const visible = nodes.filter((n: Answer) => n.nip !== null || n.birthDate !== null).length;
      if (outcome === 'filtered' && visible > 1) return `${visible} personal records visible`;
      if (outcome === 'allowed' && visible !== nodes.length) return 'personal data hidden from a supervisor';
      return undefined;
    },
  },
  staffMember: {
    doc: 'query($id: ID!) { staffMember(id: $id) { __typename name nip birthDate } }',
    vars: (f) => ({ id: f.staff.unitStaff.id }),
    roles: decide(['filtered', 'name, position and unit only'], {
      unitStaff: ['allowed', 'the person herself'],
      supervisor: 'allowed',
      admin: 'allowed',
    }),
    check: personalFields((d) => d.staffMember),
  },
  staffByNip: {
    doc: 'query($nip: String!) { staffByNip(nip: $nip) { __typename nip } }',
    vars: (f) => ({ nip: f.staff.unitStaff.nip }),
    roles: decide(['denied', 'null so a NIP cannot be probed'], {
      unitStaff: ['allowed', 'own NIP'],
      supervisor: 'allowed',
      admin: 'allowed',
    }),
    deniedAs: ['null'],
  },
  node: {
    doc: 'query($id: ID!) { node(id: $id) { __typename ... on Staff { nip birthDate } } }',
    vars: (f) => ({ id: f.staff.unitStaff.id }),
    roles: decide(['filtered', 'same field rules as the type'], {
      unitStaff: 'allowed',
      supervisor: 'allowed',
      admin: 'allowed',
    }),
    check: personalFields((d) => d.node),
  },
  nodes: {
    doc: 'query($id: ID!) { nodes(ids: [$id]) { __typename ... on Staff { nip birthDate } } }',
    vars: (f) => ({ id: f.staff.unitStaff.id }),
    roles: decide(['filtered', 'same field rules as the type'], {
      unitStaff: 'allowed',
      supervisor: 'allowed',
      admin: 'allowed',
    }),
    check: personalFields((d) => d.nodes[0]),
  },
  notifications: {
    doc: '{ notifications(first: 5) { totalCount } }',
    roles: decide(['allowed', 'own notifications'], DENIED_TO_OUTSIDERS),
  },
  unreadNotificationCount: {
    doc: '{ unreadNotificationCount }',
    roles: decide(['allowed', 'own notifications'], DENIED_TO_OUTSIDERS),
  },
  apiKeys: { doc: '{ apiKeys(first: 5) { totalCount } }', roles: decide('denied', { admin: 'allowed' }) },
  auditEntries: {
    doc: '{ auditEntries(first: 5) { totalCount } }',
    roles: decide('denied', { admin: 'allowed' }),
  },
  unitCompetencyGapReport: {
    doc: 'query($unit: String!) { unitCompetencyGapReport(unitCode: $unit) { __typename } }',
    vars: (f) => ({ unit: f.unit.code }),
    roles: decide('denied', { supervisor: ['allowed', 'own unit tree'], admin: 'allowed' }),
  },
  trainingComplianceReport: {
    doc: 'query($unit: String!) { trainingComplianceReport(unitCode: $unit) { __typename } }',
    vars: (f) => ({ unit: f.unit.code }),
    roles: decide('denied', { supervisor: ['allowed', 'own unit tree'], admin: 'allowed' }),
  },
  unitTrainingPlan: {
    doc: 'query($unit: String!) { unitTrainingPlan(unitCode: $unit) { __typename } }',
    vars: (f) => ({ unit: f.unit.code }),
    roles: decide('denied', { supervisor: ['allowed', 'own unit tree'], admin: 'allowed' }),
  },
  trainingPlan: {
    doc: 'query($id: ID!) { trainingPlan(staffId: $id) { __typename } }',
    vars: (f) => ({ id: f.staff.unitStaff.id }),
    roles: decide('denied', {
      unitStaff: ['allowed', 'own plan'],
      supervisor: 'allowed',
      admin: 'allowed',
    }),
  },
  // Feedback area (issue 6).
  skmElements: {
    doc: '{ skmElements { code label } }',
    roles: decide(['allowed', 'public questionnaire']),
  },
  surveyInvitation: {
    doc: 'query($code: String!) { surveyInvitation(trackingCode: $code) { __typename answered } }',
    vars: async (f) => ({ code: (await f.completedRequest()).trackingCode }),
    roles: decide(['denied', 'null: only the owner of a completed request is invited'], {
      citizen: ['allowed', 'owner'],
    }),
    deniedAs: ['null'],
  },
  ikm: {
    doc: 'query($unit: String!) { ikm(unitCode: $unit, period: { kind: YEAR, year: 2026 }) { __typename } }',
    vars: (f) => ({ unit: f.unit.code }),
    roles: decide(['allowed', 'published aggregates, no respondents']),
  },
  ikmTrend: {
    doc: 'query($unit: String!) { ikmTrend(unitCode: $unit, year: 2026, kind: QUARTER) { __typename } }',
    vars: (f) => ({ unit: f.unit.code }),
    roles: decide(['allowed', 'published aggregates']),
  },
  historicIkm: { doc: '{ historicIkm { score rule } }', roles: decide(['allowed', 'published history']) },
  skmReport: {
    doc: 'query($unit: String!) { skmReport(unitCode: $unit, period: { kind: YEAR, year: 2026 }) { __typename } }',
    vars: (f) => ({ unit: f.unit.code }),
    roles: decide(['denied', 'suggestions and profiles: the unit, its supervisors, admins'], {
      unitStaff: 'allowed',
      supervisor: 'allowed',
      admin: 'allowed',
    }),
  },
  improvementActions: {
    doc: '{ improvementActions(first: 5) { totalCount } }',
    roles: staffOnly('internal follow-up'),
  },
  skmCompetencyMappings: {
    doc: '{ skmCompetencyMappings { __typename } }',
    roles: staffOnly('internal configuration'),
  },
  // Example module (docs/extending.md).
  publicNotices: {
    doc: '{ publicNotices(first: 5) { title } }',
    roles: decide(['allowed', 'public notices']),
  },
};
