// Mutation fields of the feedback area and the example module in the authorization matrix
// (format in model.ts).

import { todayWib } from '../../platform/calendar.js';
import {
  ADMIN_ONLY,
  decide,
  inputEntry,
  type MatrixEntry,
  supervisorsAndAdmins,
  TYPENAME_OR_FAILURE,
  unitAndAdmins,
  unitCodeVars,
} from './model.js';

export const FEEDBACK_MUTATION_MATRIX: Readonly<Record<string, MatrixEntry>> = {
  // Feedback area (issue 6).
  submitSurvey: {
    ...inputEntry(
      'submitSurvey',
      async (f) => ({
        trackingCode: (await f.completedRequest()).trackingCode,
        answers: [
          { element: 'WAKTU', score: 3 },
          { element: 'PERILAKU', score: 4 },
        ],
      }),
      TYPENAME_OR_FAILURE,
    ),
    roles: decide('denied', { citizen: ['allowed', 'owner of the completed request, once'] }),
    deniedAs: ['NotFoundError'],
  },
  recordCounterSurvey: {
    ...inputEntry(
      'recordCounterSurvey',
      (f) => ({
        serviceCode: f.service.code,
        // Counter entries are dated inside the open period (issue 15 kind 7): today is.
        date: todayWib(),
        answers: [{ element: 'SARANA', score: 3 }],
      }),
      TYPENAME_OR_FAILURE,
    ),
    roles: unitAndAdmins({ unitStaff: ['allowed', "staff of the service's unit"] }),
  },
  generateImprovementActions: {
    doc: `mutation($unit: String!) { generateImprovementActions(unitCode: $unit, period: { kind: YEAR, year: 2026 }) { ${TYPENAME_OR_FAILURE} } }`,
    vars: unitCodeVars,
    roles: supervisorsAndAdmins('own unit tree'),
  },
  updateImprovementAction: {
    ...inputEntry(
      'updateImprovementAction',
      async (f) => {
        const action = await f.improvementAction();
        return { id: action.id, note: 'Kemajuan uji', progress: action.progress };
      },
      TYPENAME_OR_FAILURE,
    ),
    roles: unitAndAdmins({ unitStaff: ['allowed', 'staff of the unit or the owner'] }),
  },
  recordHistoricIkm: {
    doc: `mutation($unit: String!) { recordHistoricIkm(input: { unitCode: $unit, year: 2012, score: 80.2, index: 3.21, rule: KEPMENPAN_25_2004 }) { ${TYPENAME_OR_FAILURE} } }`,
    vars: unitCodeVars,
    roles: ADMIN_ONLY,
  },
  setSkmCompetencyMapping: {
    ...inputEntry('setSkmCompetencyMapping', (f) => f.skmMapping, TYPENAME_OR_FAILURE),
    roles: ADMIN_ONLY,
  },
  // Example module (docs/extending.md).
  publishPublicNotice: {
    doc: `mutation($unit: String!) { publishPublicNotice(input: { unitCode: $unit, title: "Pengumuman uji", body: "Isi" }) { ${TYPENAME_OR_FAILURE} } }`,
    vars: unitCodeVars,
    roles: unitAndAdmins({ unitStaff: ['allowed', 'staff of the unit'] }),
  },
};
