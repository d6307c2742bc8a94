// The requirements checklist (issue 19 item 4), on PGlite and PostgreSQL: PBG's requirements are
// published as document slots (a new version, four eyes); a citizen uploads into slots; a missing
// slot blocks verification; a refused document is named by the return, the citizen uploads a new
// one (the old stays in the trail), staff accept it, and the request is verified, completed and
// its PDF issued.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { inputMutation } from '../../testing/operations.js';
import { moveRequest, PBG_REQUEST, transitionRequest } from '../../testing/requests.js';
import { pdfBytes, uploadGql } from '../../testing/uploads.js';
import { useHarness } from '../../testing/use-harness.js';

const FAILURE = '... on Failure { code messageEn } ... on ValidationError { fields { field code } }';

const SLOTS = [
  {
    key: 'ktp',
    nameId: 'KTP pemohon',
    nameEn: "Applicant's identity card",
    acceptedTypes: ['image/jpeg', 'application/pdf'],
  },
  {
    key: 'gambar_teknis',
    nameId: 'Gambar rencana teknis',
    nameEn: 'Technical drawings',
    acceptedTypes: ['application/pdf'],
    maxFiles: 3,
  },
  {
    key: 'foto_lokasi',
    nameId: 'Foto lokasi',
    nameEn: 'Site photo',
    required: false,
    acceptedTypes: ['image/jpeg'],
  },
];

const PAYLOAD = `__typename
  ... on ServiceRequestPayload { request { trackingCode state version attachments { id slot } } }
  ${FAILURE}`;
const SUBMIT = `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { ${PAYLOAD} } }`;
const CORRECT = `mutation($input: AddServiceRequestCorrectionInput!) { addServiceRequestCorrection(input: $input) { ${PAYLOAD} } }`;

const CHECKLIST = `query($code: String!) { serviceRequest(trackingCode: $code) {
  state version
  documentChecklist { slot { key name required } state redo redoByDefault documents { attachment { id name url } decision reason } superseded { id url } }
  events { toState redoSlots }
} }`;

describe.each(testDatabaseKinds())('requirements checklist on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'yulia', 'hendra', 'dewi', 'admin'] });
  const propose = inputMutation(
    h,
    'proposeServiceChange',
    `__typename ... on ServiceChangePayload { serviceChange { id changedParts proposedDocumentSlots { key } } } ${FAILURE}`,
  );
  const decide = inputMutation(h, 'decideServiceChange', `__typename ${FAILURE}`);
  const review = inputMutation(h, 'reviewRequestDocument', `__typename ${FAILURE}`);
  const checklist = async (code: string, token = t.yulia) =>
    (await h.gql(CHECKLIST, { code }, { token })).body.data.serviceRequest;
  const byKey = (list: any[], key: string) => list.find((e) => e.slot.key === key);

  it('publishes slots as a new version of the service, after a second person approves', async () => {
    const invalid = await propose(
      {
        code: 'PBG',
        note: 'Slot salah',
        documentSlots: [{ key: 'KTP', nameId: 'KTP', nameEn: 'ID', maxFiles: 0 }],
      },
      t.hendra,
    );
    expect(invalid.result.fields).toEqual([
      { field: 'documentSlots[0].key', code: 'INVALID_FORMAT' },
      { field: 'documentSlots[0].maxFiles', code: 'OUT_OF_RANGE' },
    ]);
    const proposed = await propose(
      { code: 'PBG', note: 'Persyaratan sebagai dokumen', documentSlots: SLOTS },
      t.hendra,
    );
    expect(proposed.result.serviceChange).toMatchObject({
      changedParts: ['DOCUMENT_SLOTS'],
      proposedDocumentSlots: [{ key: 'ktp' }, { key: 'gambar_teknis' }, { key: 'foto_lokasi' }],
    });
    const approved = await decide(
      { id: proposed.result.serviceChange.id, approve: true, reason: 'Sesuai SOP' },
      t.admin,
    );
    expect(approved.result.__typename).toBe('ServiceChangePayload');
    const service = (
      await h.gql(
        `{ service(code: "PBG") { currentVersion { version documentSlots { key name required acceptedTypes maxFiles } } } }`,
        {},
        { token: t.warga },
      )
    ).body.data.service;
    expect(service.currentVersion.version).toBe(2);
    expect(service.currentVersion.documentSlots[1]).toEqual({
      key: 'gambar_teknis',
      name: 'Gambar rencana teknis',
      required: true,
      acceptedTypes: ['application/pdf'],
      maxFiles: 3,
    });
  });

  it('refuses files for unknown slots and types a slot does not take', async () => {
    const typed = await uploadGql(
      h,
      SUBMIT,
      { ...PBG_REQUEST, idempotencyKey: 'slots-bad', attachmentSlots: ['npwp', 'ktp', 'ktp', 'foto_lokasi'] },
      [
        { name: 'npwp.pdf', bytes: pdfBytes('npwp') },
        { name: 'ktp.pdf', bytes: pdfBytes('ktp-a') },
        { name: 'ktp2.pdf', bytes: pdfBytes('ktp-b') },
        { name: 'foto.pdf', bytes: pdfBytes('not a photo') },
      ],
      t.warga,
    );
    expect(typed.body.data.submitServiceRequest.fields).toEqual([
      { field: 'attachmentSlots[0]', code: 'DOCUMENT_SLOT_UNKNOWN' },
      { field: 'attachmentSlots[2]', code: 'DOCUMENT_SLOT_TOO_MANY' },
      { field: 'attachmentSlots[3]', code: 'DOCUMENT_SLOT_TYPE_NOT_ACCEPTED' },
    ]);
    // More slots than files.
    const long = await uploadGql(
      h,
      SUBMIT,
      { ...PBG_REQUEST, idempotencyKey: 'slots-bad-2', attachmentSlots: ['ktp', 'ktp'] },
      [{ name: 'ktp.pdf', bytes: pdfBytes('ktp-c') }],
      t.warga,
    );
    expect(long.body.data.submitServiceRequest.fields).toEqual([
      { field: 'attachmentSlots', code: 'OUT_OF_RANGE' },
    ]);
  });

  it('walks a checklist from a missing slot to the issued document', async () => {
    // Filed with the KTP only: the technical drawings are missing.
    const filed = await uploadGql(
      h,
      SUBMIT,
      { ...PBG_REQUEST, idempotencyKey: 'slots-walk', attachmentSlots: ['ktp'] },
      [{ name: 'ktp.pdf', bytes: pdfBytes('ktp') }],
      t.warga,
    );
    const request = filed.body.data.submitServiceRequest.request;
    expect(request.attachments).toEqual([{ id: expect.any(String), slot: 'ktp' }]);
    const code = request.trackingCode;
    const list = (await checklist(code, t.warga)).documentChecklist;
    expect(list.map((e: any) => [e.slot.key, e.state])).toEqual([
      ['ktp', 'UNREVIEWED'],
      ['gambar_teknis', 'EMPTY'],
      ['foto_lokasi', 'EMPTY'],
    ]);

    // A missing slot (and an unreviewed one) blocks verification, named in the message.
    const blocked = await transitionRequest(
      h,
      { trackingCode: code, to: 'VERIFIED', expectedVersion: 1 },
      t.yulia,
    );
    expect(blocked.body.data.transitionServiceRequest).toMatchObject({
      __typename: 'RequestTransitionError',
      code: 'DOCUMENTS_INCOMPLETE',
      from: 'SUBMITTED',
      to: 'VERIFIED',
    });
    expect(blocked.body.data.transitionServiceRequest.messageEn).toContain(
      "Applicant's identity card (not reviewed); Technical drawings (not uploaded)",
    );

    // Citizens and staff of another unit do not review; staff of the unit do.
    const ktpId = request.attachments[0].id;
    const denied = async (token: string) => {
      const r = await review({ attachmentId: ktpId, decision: 'ACCEPTED' }, token);
      return r.errorCode ?? r.result?.code;
    };
    expect(await denied(t.warga)).toBe('FORBIDDEN');
    expect(await denied(t.dewi)).toBe('FORBIDDEN');
    expect((await review({ attachmentId: ktpId, decision: 'ACCEPTED' }, t.yulia)).result.__typename).toBe(
      'ServiceRequestPayload',
    );

    // The return form preselects what a return naming no slots names: the missing required one.
    const before = (await checklist(code)).documentChecklist;
    expect(before.map((e: any) => [e.slot.key, e.redoByDefault])).toEqual([
      ['ktp', false],
      ['gambar_teknis', true],
      ['foto_lokasi', false],
    ]);

    // Returned without naming slots: the missing required one is named.
    const returned = await transitionRequest(
      h,
      {
        trackingCode: code,
        to: 'RETURNED_TO_CITIZEN',
        expectedVersion: 1,
        publicNote: 'Lengkapi gambar teknis',
      },
      t.yulia,
    );
    expect(returned.body.data.transitionServiceRequest.request.state).toBe('RETURNED_TO_CITIZEN');
    let seen = await checklist(code, t.warga);
    expect(seen.events.at(-1)).toEqual({ toState: 'RETURNED_TO_CITIZEN', redoSlots: ['gambar_teknis'] });
    expect(byKey(seen.documentChecklist, 'gambar_teknis').redo).toBe(true);

    // The citizen uploads the drawings and hands the request back.
    const first = await uploadGql(
      h,
      CORRECT,
      {
        trackingCode: code,
        expectedVersion: 2,
        text: 'Gambar terlampir',
        attachmentSlots: ['gambar_teknis'],
      },
      [{ name: 'gambar-v1.pdf', bytes: pdfBytes('gambar v1') }],
      t.warga,
    );
    expect(first.body.data.addServiceRequestCorrection.__typename).toBe('ServiceRequestPayload');
    await moveRequest(h, code, ['SUBMITTED'], t.warga, 3);
    seen = await checklist(code);
    const drawing = byKey(seen.documentChecklist, 'gambar_teknis');
    expect(drawing).toMatchObject({ state: 'UNREVIEWED', redo: false });
    const oldId = drawing.documents[0].attachment.id;

    // A refusal needs a reason; a refused document blocks verification.
    const noReason = await review({ attachmentId: oldId, decision: 'REFUSED' }, t.yulia);
    expect(noReason.result).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ field: 'reason', code: 'REQUIRED' }],
    });
    await review(
      { attachmentId: oldId, decision: 'REFUSED', reason: 'Tidak ada tanda tangan perencana' },
      t.yulia,
    );
    const stillBlocked = await transitionRequest(
      h,
      { trackingCode: code, to: 'VERIFIED', expectedVersion: 4 },
      t.yulia,
    );
    expect(stillBlocked.body.data.transitionServiceRequest.code).toBe('DOCUMENTS_INCOMPLETE');
    expect(stillBlocked.body.data.transitionServiceRequest.messageEn).toContain(
      'Technical drawings (refused)',
    );

    // A refused document is preselected for the return.
    expect(byKey((await checklist(code)).documentChecklist, 'gambar_teknis').redoByDefault).toBe(true);

    // The return names the refused slot; an unknown slot is refused.
    const unknown = await h.gql(
      `mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) { __typename ${FAILURE} } }`,
      {
        input: {
          trackingCode: code,
          to: 'RETURNED_TO_CITIZEN',
          expectedVersion: 4,
          publicNote: 'x',
          redoSlots: ['npwp'],
        },
      },
      { token: t.yulia },
    );
    expect(unknown.body.data.transitionServiceRequest.fields).toEqual([
      { field: 'redoSlots[0]', code: 'DOCUMENT_SLOT_UNKNOWN' },
    ]);
    await transitionRequest(
      h,
      {
        trackingCode: code,
        to: 'RETURNED_TO_CITIZEN',
        expectedVersion: 4,
        publicNote: 'Gambar perlu ditandatangani',
        redoSlots: ['gambar_teknis'],
      },
      t.yulia,
    );
    seen = await checklist(code, t.warga);
    expect(byKey(seen.documentChecklist, 'gambar_teknis')).toMatchObject({
      state: 'REFUSED',
      redo: true,
      documents: [{ decision: 'REFUSED', reason: 'Tidak ada tanda tangan perencana' }],
    });

    // The correction is a new file in the slot; the refused one stays in the trail.
    await uploadGql(
      h,
      CORRECT,
      {
        trackingCode: code,
        expectedVersion: 5,
        text: 'Gambar sudah ditandatangani',
        attachmentSlots: ['gambar_teknis'],
      },
      [{ name: 'gambar-v2.pdf', bytes: pdfBytes('gambar v2 signed') }],
      t.warga,
    );
    await moveRequest(h, code, ['SUBMITTED'], t.warga, 6);
    seen = await checklist(code);
    const renewed = byKey(seen.documentChecklist, 'gambar_teknis');
    expect(renewed).toMatchObject({ state: 'UNREVIEWED', redo: false, superseded: [{ id: oldId }] });
    expect(renewed.documents[0].attachment.name).toBe('gambar-v2.pdf');
    expect((await h.gateway.fetch(`http://layanan.test${renewed.superseded[0].url}`)).status).toBe(200);
    const stale = await review({ attachmentId: oldId, decision: 'ACCEPTED' }, t.yulia);
    expect(stale.result).toMatchObject({ __typename: 'ConflictError', code: 'DOCUMENT_SUPERSEDED' });

    // Accepted: verified, completed, and the permit is issued (the optional photo slot stays empty).
    await review({ attachmentId: renewed.documents[0].attachment.id, decision: 'ACCEPTED' }, t.yulia);
    await moveRequest(h, code, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia, 7);
    const done = await h.gql(
      'query($code: String!) { serviceRequest(trackingCode: $code) { state issuedDocument { status number } } }',
      { code },
      { token: t.warga },
    );
    expect(done.body.data.serviceRequest).toMatchObject({
      state: 'COMPLETED',
      issuedDocument: { status: 'CURRENT', number: expect.stringMatching(/^DPMPTSP\/PBG\//) },
    });
    const closed = await review({ attachmentId: ktpId, decision: 'REFUSED', reason: 'Terlambat' }, t.yulia);
    expect(closed.result).toMatchObject({ code: 'DOCUMENT_REVIEW_REQUEST_CLOSED' });

    // Reviews are append-only in the database too.
    await expect(h.db.prisma.documentReview.updateMany({ data: { reason: 'diubah' } })).rejects.toThrow(
      /append-only/,
    );
  });

  it('a returned request goes back only once the named slots are uploaded again (trial 21 D1)', async () => {
    const filed = await uploadGql(
      h,
      SUBMIT,
      { ...PBG_REQUEST, idempotencyKey: 'slots-redo-rule', attachmentSlots: ['ktp'] },
      [{ name: 'ktp.pdf', bytes: pdfBytes('ktp-redo-rule') }],
      t.warga,
    );
    const code = filed.body.data.submitServiceRequest.request.trackingCode;
    await transitionRequest(
      h,
      { trackingCode: code, to: 'RETURNED_TO_CITIZEN', expectedVersion: 1, publicNote: 'Lengkapi gambar' },
      t.yulia,
    );
    // A correction in words only is kept, but the request cannot go back without the drawings.
    const words = await h.gql(
      CORRECT,
      { input: { trackingCode: code, expectedVersion: 2, text: 'Ok' } },
      { token: t.warga },
    );
    expect(words.body.data.addServiceRequestCorrection.__typename).toBe('ServiceRequestPayload');
    const refused = await transitionRequest(
      h,
      { trackingCode: code, to: 'SUBMITTED', expectedVersion: 3 },
      t.warga,
    );
    expect(refused.body.data.transitionServiceRequest).toMatchObject({
      __typename: 'RequestTransitionError',
      code: 'REDO_DOCUMENTS_MISSING',
      from: 'RETURNED_TO_CITIZEN',
      to: 'SUBMITTED',
    });
    expect(refused.body.data.transitionServiceRequest.messageEn).toContain('Technical drawings');
    await uploadGql(
      h,
      CORRECT,
      {
        trackingCode: code,
        expectedVersion: 3,
        text: 'Gambar terlampir',
        attachmentSlots: ['gambar_teknis'],
      },
      [{ name: 'gambar.pdf', bytes: pdfBytes('gambar redo rule') }],
      t.warga,
    );
    await moveRequest(h, code, ['SUBMITTED'], t.warga, 4);
  });

  it('a return with an empty redoSlots names no slot (staff unticked every one)', async () => {
    const filed = await uploadGql(
      h,
      SUBMIT,
      { ...PBG_REQUEST, idempotencyKey: 'slots-none', attachmentSlots: ['ktp'] },
      [{ name: 'ktp.pdf', bytes: pdfBytes('ktp-none') }],
      t.warga,
    );
    const code = filed.body.data.submitServiceRequest.request.trackingCode;
    expect(byKey((await checklist(code)).documentChecklist, 'gambar_teknis').redoByDefault).toBe(true);
    await transitionRequest(
      h,
      {
        trackingCode: code,
        to: 'RETURNED_TO_CITIZEN',
        expectedVersion: 1,
        publicNote: 'Hanya pertanyaan',
        redoSlots: [],
      },
      t.yulia,
    );
    const seen = await checklist(code, t.warga);
    expect(seen.events.at(-1)).toEqual({ toState: 'RETURNED_TO_CITIZEN', redoSlots: [] });
    expect(seen.documentChecklist.map((e: any) => e.redo)).toEqual([false, false, false]);
  });
});
