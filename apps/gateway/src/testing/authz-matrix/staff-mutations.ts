// Mutation fields of the staff area (registry, training, competencies, performance) in the
// authorization matrix (format in model.ts); spread into MUTATION_MATRIX by mutations.ts.
import {
  ADMIN_ONLY,
  inputEntry,
  type MatrixEntry,
  supervisorsAndAdmins,
  TYPENAME_OR_FAILURE,
  unitAndAdmins,
  unitStaffVars,
} from './model.js';

export const STAFF_MUTATION_MATRIX: Readonly<Record<string, MatrixEntry>> = {
  registerStaff: {
    ...inputEntry('registerStaff', (f) => ({
      nip: f.nip(),
      name: 'Pegawai Uji',
      unitCode: f.unit.code,
      position: 'Analis',
    })),
    roles: ADMIN_ONLY,
  },
  updateStaff: {
    doc: 'mutation($id: ID!) { updateStaff(input: { id: $id, position: "Analis Perizinan" }) { __typename } }',
    vars: unitStaffVars,
    roles: supervisorsAndAdmins('own unit tree'),
  },
  recordTraining: {
    doc: 'mutation($id: ID!) { recordTraining(input: { staffId: $id, title: "Pelatihan uji", completedOn: "2026-02-02", jp: 2 }) { __typename } }',
    vars: unitStaffVars,
    roles: unitAndAdmins({ unitStaff: ['allowed', 'own record'] }),
    allowedAs: ['ConflictError'],
  },
  reviewTraining: {
    // A record id nobody has: the roles' decision is the scope check (supervisors and admins);
    // the unit-tree and not-oneself rules are tested in modules/staff/four-eyes.test.ts.
    doc: 'mutation { reviewTraining(input: { trainingRecordId: "00000000-0000-4000-8000-000000000000", decision: CONFIRMED, reason: "Sertifikat dilihat" }) { __typename } }',
    roles: supervisorsAndAdmins('own unit tree, never their own'),
    allowedAs: ['NotFoundError'],
  },
  setCompetencyHolding: {
    doc: 'mutation($id: ID!) { setCompetencyHolding(input: { staffId: $id, competencyCode: "PERIZINAN", level: 3 }) { __typename } }',
    vars: unitStaffVars,
    roles: supervisorsAndAdmins('own unit tree'),
  },
  setPositionRequirements: {
    doc: 'mutation($code: String!) { setPositionRequirements(input: { positionCode: $code, name: "Jabatan uji", requirements: [] }) { __typename } }',
    vars: (f) => ({ code: `UJI-${f.unique().toUpperCase()}` }),
    roles: ADMIN_ONLY,
    allowedAs: ['ValidationError', 'NotFoundError'],
  },
  ratePerformance: {
    doc: 'mutation($id: ID!, $year: Int!) { ratePerformance(input: { staffId: $id, year: $year, results: AS_EXPECTED, behaviour: AS_EXPECTED }) { __typename } }',
    vars: (f) => ({ id: f.staff.unitStaff.id, year: 2040 + (Number.parseInt(f.unique(), 36) % 50) }),
    roles: supervisorsAndAdmins('own unit tree'),
    allowedAs: ['ConflictError'],
  },
  finaliseUnitPeriod: {
    doc: `mutation($unit: String!, $year: Int!) { finaliseUnitPeriod(input: { unitCode: $unit, year: $year, sangatBaikMaxShare: 0.5 }) { ${TYPENAME_OR_FAILURE} } }`,
    vars: (f) => ({ unit: f.unit.code, year: 2025 }),
    roles: supervisorsAndAdmins('own unit tree'),
    allowedAs: ['ConflictError', 'SkpQuotaExceededError'],
  },
};
