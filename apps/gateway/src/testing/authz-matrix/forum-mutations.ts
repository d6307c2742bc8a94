// Mutation fields of the participation forums and commitments in the authorization matrix
// (format in model.ts); spread into MUTATION_MATRIX by mutations.ts.
import {
  ADMIN_ONLY,
  DENIED_TO_OUTSIDERS,
  decide,
  freshIdVars,
  inputEntry,
  type MatrixEntry,
  TYPENAME_OR_FAILURE,
  unitAndAdmins,
} from './model.js';

export const FORUM_MUTATION_MATRIX: Readonly<Record<string, MatrixEntry>> = {
  createForum: {
    doc: 'mutation($slug: String!, $unit: String!) { createForum(input: { slug: $slug, title: "Forum Uji", description: "Uji", unitCode: $unit }) { __typename } }',
    vars: (f) => ({ slug: `uji-${f.unique()}`, unit: f.unit.code }),
    roles: ADMIN_ONLY,
  },
  scheduleForumSession: {
    ...inputEntry('scheduleForumSession', (f) => ({
      forumId: f.forum.id,
      title: 'Sesi uji',
      agenda: 'Uji',
      place: 'Balai kota',
      startsAt: '2030-03-04T02:00:00Z',
      representativeIds: [f.staff.supervisor.id],
    })),
    roles: unitAndAdmins({ unitStaff: ['allowed', 'staff of the forum unit'], otherUnitStaff: 'denied' }),
  },
  publishSessionMinutes: {
    doc: 'mutation($id: ID!) { publishSessionMinutes(sessionId: $id, minutes: "Notulen uji") { __typename } }',
    vars: freshIdVars('forumSession'),
    roles: unitAndAdmins(),
  },
  submitToForum: {
    ...inputEntry(
      'submitToForum',
      (f) => ({
        forumId: f.forum.id,
        kind: 'ASPIRATION',
        title: 'Antrean daring',
        text: 'Mohon antrean daring.',
      }),
      TYPENAME_OR_FAILURE,
    ),
    roles: decide('denied', { citizen: 'allowed', otherCitizen: 'allowed' }),
  },
  supportSubmission: {
    doc: 'mutation($id: ID!) { supportSubmission(submissionId: $id) { __typename } }',
    vars: freshIdVars('submission'),
    roles: decide('denied', {
      citizen: ['allowed', 'own submission: refused as ValidationError'],
      otherCitizen: 'allowed',
    }),
    allowedAs: ['ValidationError'],
  },
  followSubmission: {
    doc: 'mutation($id: ID!) { followSubmission(submissionId: $id) { __typename } }',
    vars: freshIdVars('submission'),
    roles: decide(['allowed', 'any signed-in account'], DENIED_TO_OUTSIDERS),
  },
  unfollowSubmission: {
    doc: 'mutation($id: ID!) { unfollowSubmission(submissionId: $id) { __typename } }',
    vars: freshIdVars('submission'),
    roles: decide(['allowed', 'any signed-in account'], DENIED_TO_OUTSIDERS),
  },
  hideSubmission: {
    doc: 'mutation($id: ID!) { hideSubmission(submissionId: $id, reason: "Kata kasar") { __typename } }',
    vars: freshIdVars('submission'),
    // Four eyes (issue 15 kind 7): staff of another unit do not moderate this unit's forum.
    roles: unitAndAdmins({ unitStaff: ['allowed', 'answering unit'] }),
  },
  answerSubmission: {
    doc: 'mutation($id: ID!) { answerSubmission(input: { submissionId: $id, status: ACCEPTED, reason: "Akan dilaksanakan" }) { __typename } }',
    vars: freshIdVars('submission'),
    roles: unitAndAdmins({ unitStaff: ['allowed', 'answering unit'] }),
  },
  createCommitment: {
    ...inputEntry('createCommitment', async (f) => ({
      submissionId: (await f.acceptedSubmission()).id,
      description: 'Antrean daring',
      dueOn: '2030-06-30',
      responsibleStaffId: f.staff.unitStaff.id,
    })),
    roles: unitAndAdmins({ unitStaff: ['allowed', 'answering unit'] }),
  },
  updateCommitmentProgress: {
    doc: 'mutation($id: ID!) { updateCommitmentProgress(input: { commitmentId: $id, progress: 50, note: "Separuh" }) { __typename } }',
    vars: freshIdVars('commitment'),
    roles: unitAndAdmins(),
  },
  cancelCommitment: {
    doc: 'mutation($id: ID!) { cancelCommitment(commitmentId: $id, reason: "Anggaran dialihkan") { __typename } }',
    vars: freshIdVars('commitment'),
    roles: unitAndAdmins(),
  },
};
