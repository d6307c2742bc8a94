// Query fields of the authorization matrix (format in model.ts).
import {
  ADMIN_ONLY,
  type Answer,
  DENIED_TO_OUTSIDERS,
  decide,
  freshRequestVars,
  type MatrixEntry,
  personalFields,
  serviceCodeVars,
  shorterThan,
  staffOnly,
  supervisorsAndAdmins,
  unitAndAdmins,
  unitCodeVars,
  unitStaffVars,
} from './model.js';

export const QUERY_MATRIX: Readonly<Record<string, MatrixEntry>> = {
  me: { doc: '{ me { __typename kind } }', roles: decide('allowed') },
  privacyNotice: {
    doc: '{ privacyNotice { version dataProtectionOfficer { email } } }',
    roles: decide(['allowed', 'the public privacy notice']),
  },
  districts: { doc: '{ districts { code } }', roles: decide(['allowed', 'public reference data']) },
  holidays: { doc: '{ holidays(year: 2026) { date } }', roles: decide(['allowed', 'public calendar']) },
  units: { doc: '{ units(first: 5) { totalCount } }', roles: decide('allowed') },
  unit: { doc: '{ unit(code: "DPMPTSP") { __typename code } }', roles: decide('allowed') },
  competencies: {
    doc: '{ competencies(first: 5) { totalCount edges { node { code name } } } }',
    roles: decide(['allowed', 'competency dictionary, no personal data']),
  },
  services: {
    doc: '{ services(first: 5) { totalCount } }',
    roles: decide(['allowed', 'public catalogue']),
  },
  service: {
    doc: 'query($code: String!) { service(code: $code) { __typename code } }',
    vars: serviceCodeVars,
    roles: decide('allowed'),
  },
  forums: { doc: '{ forums(first: 5) { totalCount } }', roles: decide(['allowed', 'public forums']) },
  forumSessions: {
    doc: '{ forumSessions(first: 5) { totalCount } }',
    roles: decide(['allowed', 'public forum sessions']),
  },
  forum: {
    doc: 'query($slug: String!) { forum(slug: $slug) { __typename slug } }',
    vars: (f) => ({ slug: f.forum.slug }),
    roles: decide('allowed'),
  },
  submissions: {
    doc: '{ submissions(first: 5) { totalCount edges { node { __typename } } } }',
    roles: decide(['allowed', 'public; hidden text and hidden author names are blanked per field']),
  },
  forumInbox: {
    doc: '{ forumInbox(first: 5) { totalCount edges { node { __typename } } } }',
    roles: decide('denied', {
      unitStaff: ['allowed', 'own unit'],
      otherUnitStaff: ['allowed', 'own unit'],
      supervisor: ['allowed', 'own unit'],
      admin: ['allowed', 'every unit'],
    }),
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
    vars: freshRequestVars,
    roles: decide(['allowed', 'public trail: states and times, no text or notes']),
  },
  similarComplaints: {
    doc: 'query($code: String!) { similarComplaints(serviceCode: $code, description: "Jalan berlubang di depan sekolah", latitude: -0.68, longitude: 100.78) { __typename trackingCode } }',
    vars: serviceCodeVars,
    roles: decide(['allowed', 'public facts of open complaints only, never a reporter']),
  },
  anonymousComplaint: {
    doc: 'query($code: String!) { anonymousComplaint(trackingCode: $code, secret: "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2") { __typename } }',
    vars: freshRequestVars,
    roles: decide([
      'allowed',
      'the code with its secret is the credential; a wrong one is AuthenticationFailed',
    ]),
    allowedAs: ['AuthenticationFailed'],
  },
  serviceRequest: {
    doc: 'query($code: String!) { serviceRequest(trackingCode: $code) { __typename originalText } }',
    vars: freshRequestVars,
    roles: unitAndAdmins({ citizen: ['allowed', 'owner'] }, ['denied', 'null: existence is not revealed']),
    deniedAs: ['null'],
  },
  responseTemplates: {
    doc: 'query($code: String!) { responseTemplates(serviceCode: $code) { __typename id } }',
    vars: serviceCodeVars,
    roles: unitAndAdmins(),
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
    vars: unitCodeVars,
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
    vars: unitStaffVars,
    roles: unitAndAdmins({ unitStaff: ['allowed', 'the person herself'] }, [
      'filtered',
      'name, position and unit only',
    ]),
    check: personalFields((d) => d.staffMember),
  },
  staffByNip: {
    doc: 'query($nip: String!) { staffByNip(nip: $nip) { __typename nip } }',
    vars: (f) => ({ nip: f.staff.unitStaff.nip }),
    roles: unitAndAdmins({ unitStaff: ['allowed', 'own NIP'] }, ['denied', 'null so a NIP cannot be probed']),
    deniedAs: ['null'],
  },
  node: {
    doc: 'query($id: ID!) { node(id: $id) { __typename ... on Staff { nip birthDate } } }',
    vars: unitStaffVars,
    roles: unitAndAdmins({}, ['filtered', 'same field rules as the type']),
    check: personalFields((d) => d.node),
  },
  nodes: {
    doc: 'query($id: ID!) { nodes(ids: [$id]) { __typename ... on Staff { nip birthDate } } }',
    vars: unitStaffVars,
    roles: unitAndAdmins({}, ['filtered', 'same field rules as the type']),
    check: personalFields((d) => d.nodes[0]),
  },
  notifications: {
    doc: '{ notifications(first: 5) { totalCount } }',
    roles: decide(['allowed', 'own notifications'], DENIED_TO_OUTSIDERS),
  },
  notificationSettings: {
    doc: '{ notificationSettings { language } }',
    roles: decide(['allowed', 'own settings'], DENIED_TO_OUTSIDERS),
  },
  unreadNotificationCount: {
    doc: '{ unreadNotificationCount }',
    roles: decide(['allowed', 'own notifications'], DENIED_TO_OUTSIDERS),
  },
  apiKeys: { doc: '{ apiKeys(first: 5) { totalCount } }', roles: ADMIN_ONLY },
  auditEntries: {
    doc: '{ auditEntries(first: 5) { totalCount } }',
    roles: ADMIN_ONLY,
  },
  unitCompetencyGapReport: {
    doc: 'query($unit: String!) { unitCompetencyGapReport(unitCode: $unit) { __typename } }',
    vars: unitCodeVars,
    roles: supervisorsAndAdmins('own unit tree'),
  },
  trainingsToConfirm: {
    doc: '{ trainingsToConfirm(first: 20) { totalCount edges { node { status } } } }',
    roles: supervisorsAndAdmins('pending trainings of their unit tree, never their own'),
  },
  pendingServiceChanges: {
    doc: '{ pendingServiceChanges(first: 20) { totalCount edges { node { state mayDecide } } } }',
    roles: staffOnly(
      'pending changes of their own unit (supervisors: unit tree, admins: all); mayDecide says which',
    ),
  },
  trainingComplianceReport: {
    doc: 'query($unit: String!) { trainingComplianceReport(unitCode: $unit) { __typename } }',
    vars: unitCodeVars,
    roles: supervisorsAndAdmins('own unit tree'),
  },
  unitTrainingPlan: {
    doc: 'query($unit: String!) { unitTrainingPlan(unitCode: $unit) { __typename } }',
    vars: unitCodeVars,
    roles: supervisorsAndAdmins('own unit tree'),
  },
  trainingPlan: {
    doc: 'query($id: ID!) { trainingPlan(staffId: $id) { __typename } }',
    vars: unitStaffVars,
    roles: unitAndAdmins({ unitStaff: ['allowed', 'own plan'] }),
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
    vars: unitCodeVars,
    roles: decide(['allowed', 'published aggregates, no respondents']),
  },
  ikmTrend: {
    doc: 'query($unit: String!) { ikmTrend(unitCode: $unit, year: 2026, kind: QUARTER) { __typename } }',
    vars: unitCodeVars,
    roles: decide(['allowed', 'published aggregates']),
  },
  historicIkm: { doc: '{ historicIkm { score rule } }', roles: decide(['allowed', 'published history']) },
  skmReport: {
    doc: 'query($unit: String!) { skmReport(unitCode: $unit, period: { kind: YEAR, year: 2026 }) { __typename } }',
    vars: unitCodeVars,
    roles: unitAndAdmins({}, ['denied', 'suggestions and profiles: the unit, its supervisors, admins']),
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
  publicNoticeBoard: {
    doc: '{ publicNoticeBoard(first: 5) { totalCount edges { node { title unit { name } } } } }',
    roles: decide(['allowed', 'public notices']),
  },
  verifyIssuedDocument: {
    doc: 'query($number: String!) { verifyIssuedDocument(number: $number) { __typename status sha256 } }',
    vars: async (f) => ({ number: (await f.issuedDocument()).number }),
    roles: decide([
      'allowed',
      'public verification: status, hash, key, unit, service, dates; no personal data',
    ]),
  },
};
