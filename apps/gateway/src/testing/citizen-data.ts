// A citizen with something in every area (issue 23 tests of export and erasure): a registered
// account with an e-mail and a phone, a PBG request with a NIK and a PDF that staff verified with a
// public note, a forum submission, a support and a follow, its notifications and mail.
import { randomUUID } from 'node:crypto';
import { registeredCitizen } from './accounts.js';
import type { Harness } from './harness.js';
import { moveRequest, PBG_REQUEST } from './requests.js';

/** A small PDF (enough for file-type to recognise it). */
export const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

export type CitizenWithData = {
  accountId: string;
  token: string;
  password: string;
  trackingCode: string;
  requestId: string;
  submissionId: string;
  /** The values that identify the person, as the tests look for them after erasure. */
  personal: {
    name: string;
    email: string;
    phone: string;
    nik: string;
    text: string;
    fileName: string;
    forumText: string;
  };
};

/** Registers and fills a citizen; `staffToken` is DPMPTSP staff (yulia@). */
export async function citizenWithData(h: Harness, staffToken: string): Promise<CitizenWithData> {
  const n = randomUUID().slice(0, 8);
  const digits = String(Number.parseInt(n, 16) % 1e8).padStart(8, '0');
  const personal = {
    name: `Sutan Marajo ${n}`,
    email: `sutan-${n}@contoh.id`,
    phone: `+62812${digits}`,
    nik: `13730101019${digits.slice(0, 5)}`,
    text: `Saya Sutan Marajo ${n} membangun rumah di Jorong Tanah Lapang ${n}.`,
    fileName: `ktp-sutan-${n}.pdf`,
    forumText: `Antrean loket panjang sekali, kata Sutan ${n}, mohon ditambah petugas.`,
  };
  const password = 'gunung-singgalang-2027';
  const citizen = await registeredCitizen(h, {
    email: personal.email,
    phone: personal.phone,
    displayName: personal.name,
    password,
  });
  await h.db.prisma.account.update({
    where: { id: citizen.accountId },
    data: { emailVerifiedAt: new Date() },
  });
  const token = citizen.accessToken;
  const query = `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
    __typename ... on ServiceRequestPayload { request { id trackingCode } } } }`;
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query,
      variables: {
        input: {
          ...PBG_REQUEST,
          text: personal.text,
          attributes: { ...PBG_REQUEST.attributes, nik: personal.nik },
          attachments: [null],
        },
      },
    }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.input.attachments.0'] }));
  // Bytes of its own (a comment line), so that no other test's file shares its blob.
  const pdf = Buffer.concat([SAMPLE_PDF, Buffer.from(`% ${n}\n`)]);
  form.set('0', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), personal.fileName);
  const res = await h.gateway.fetch('http://layanan.test/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' },
    body: form,
  });
  const body = (await res.json()) as any;
  const request = body.data?.submitServiceRequest?.request;
  if (!request) throw new Error(`submitServiceRequest failed: ${JSON.stringify(body)}`);
  await moveRequest(h, request.trackingCode, ['VERIFIED'], staffToken);
  const forum = await h.gql('{ forum(slug: "pelayanan-perizinan") { id } }');
  const submitted = await h.gql(
    `mutation($input: SubmitToForumInput!) { submitToForum(input: $input) {
      __typename ... on SubmissionPayload { submission { id } } } }`,
    {
      input: {
        forumId: forum.body.data.forum.id,
        kind: 'CRITIQUE',
        title: `Loket ${n}`,
        text: personal.forumText,
      },
    },
    { token },
  );
  const submission = submitted.body.data?.submitToForum?.submission;
  if (!submission) throw new Error(`submitToForum failed: ${JSON.stringify(submitted.body)}`);
  const submissionId = (
    await h.db.prisma.submission.findFirstOrThrow({ where: { authorId: citizen.accountId } })
  ).id;
  return {
    accountId: citizen.accountId,
    token,
    password,
    trackingCode: request.trackingCode,
    requestId: (
      await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: request.trackingCode } })
    ).id,
    submissionId,
    personal,
  };
}
