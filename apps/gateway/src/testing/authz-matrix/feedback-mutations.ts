// Mutation fields of the feedback area and the example module in the authorization matrix
// (format in model.ts).
import { decide, type MatrixEntry } from './model.js';

export const FEEDBACK_MUTATION_MATRIX: Readonly<Record<string, MatrixEntry>> = {
  // Feedback area (issue 6).
  submitSurvey: {
    doc: 'mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { __typename ... on Failure { code message } } }',
    vars: async (f) => ({
      input: {
        trackingCode: (await f.completedRequest()).trackingCode,
        answers: [
          { element: 'WAKTU', score: 3 },
          { element: 'PERILAKU', score: 4 },
        ],
      },
    }),
    roles: decide('denied', { citizen: ['allowed', 'owner of the completed request, once'] }),
    deniedAs: ['NotFoundError'],
  },
  recordCounterSurvey: {
    doc: 'mutation($input: RecordCounterSurveyInput!) { recordCounterSurvey(input: $input) { __typename ... on Failure { code message } } }',
    vars: (f) => ({
      input: {
        serviceCode: f.service.code,
        date: '2026-03-04',
        answers: [{ element: 'SARANA', score: 3 }],
      },
    }),
    roles: decide('denied', {
      unitStaff: ['allowed', "staff of the service's unit"],
      supervisor: 'allowed',
      admin: 'allowed',
    }),
  },
  generateImprovementActions: {
    doc: 'mutation($unit: String!) { generateImprovementActions(unitCode: $unit, period: { kind: YEAR, year: 2026 }) { __typename ... on Failure { code message } } }',
    vars: (f) => ({ unit: f.unit.code }),
    roles: decide('denied', { supervisor: ['allowed', 'own unit tree'], admin: 'allowed' }),
  },
  updateImprovementAction: {
    doc: 'mutation($input: UpdateImprovementActionInput!) { updateImprovementAction(input: $input) { __typename ... on Failure { code message } } }',
    vars: async (f) => {
      const action = await f.improvementAction();
      return { input: { id: action.id, note: 'Kemajuan uji', progress: action.progress } };
    },
    roles: decide('denied', {
      unitStaff: ['allowed', 'staff of the unit or the owner'],
      supervisor: 'allowed',
      admin: 'allowed',
    }),
  },
  recordHistoricIkm: {
    doc: 'mutation($unit: String!) { recordHistoricIkm(input: { unitCode: $unit, year: 2012, score: 80.2, index: 3.21, rule: KEPMENPAN_25_2004 }) { __typename ... on Failure { code message } } }',
    vars: (f) => ({ unit: f.unit.code }),
    roles: decide('denied', { admin: 'allowed' }),
  },
  setSkmCompetencyMapping: {
    doc: 'mutation($input: SetSkmCompetencyMappingInput!) { setSkmCompetencyMapping(input: $input) { __typename ... on Failure { code message } } }',
    vars: (f) => ({ input: f.skmMapping }),
    roles: decide('denied', { admin: 'allowed' }),
  },
  // Example module (docs/extending.md).
  publishPublicNotice: {
    doc: 'mutation($unit: String!) { publishPublicNotice(input: { unitCode: $unit, title: "Pengumuman uji", body: "Isi" }) { __typename ... on Failure { code message } } }',
    vars: (f) => ({ unit: f.unit.code }),
    roles: decide('denied', {
      unitStaff: ['allowed', 'staff of the unit'],
      supervisor: 'allowed',
      admin: 'allowed',
    }),
  },
};
