// Photos with forum submissions (issue 19 item 1): the request attachments' pipeline under the
// forum's limits (photos only), shown to whoever may see the submission, gone with its author's
// erasure.
import { testDatabaseKinds } from '@layanan/db/testing';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { registeredCitizen } from '../../testing/accounts.js';
import { EXE, type FilePart, pdfBytes, uploadGql } from '../../testing/uploads.js';
import { useHarness } from '../../testing/use-harness.js';
import { FILE_LINK_TTL_SECONDS, signFileLink } from '../attachments/signed-link.js';

/** A JPEG carrying EXIF with a GPS position and a camera serial. */
const jpegWithGps = (color = 30) =>
  sharp({ create: { width: 48, height: 32, channels: 3, background: { r: 20, g: color, b: 90 } } })
    .jpeg()
    .withMetadata({
      exif: {
        IFD0: { Make: 'KameraForum', Model: 'Seri-987' },
        IFD3: {
          GPSLatitudeRef: 'S',
          GPSLatitude: '0/1 40/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '100/1 47/1 0/1',
        },
      },
    })
    .toBuffer();

const SUBMIT = `mutation($input: SubmitToForumInput!) { submitToForum(input: $input) {
  __typename
  ... on SubmissionPayload { submission { id attachments { id name type size url purpose } } }
  ... on ValidationError { code messageId messageEn fields { field code messageId messageEn } }
  ... on Failure { code }
} }`;

const PHOTOS = 'query($id: ID!) { node(id: $id) { ... on Submission { hidden attachments { name url } } } }';

describe.each(testDatabaseKinds())('forum photos on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'warga2', 'yulia'] });
  let forumId: string;
  beforeAll(async () => {
    forumId = (await h.gql('{ forum(slug: "pelayanan-perizinan") { id } }')).body.data.forum.id;
  });

  const submit = (files: FilePart[], token = t.warga, title = 'Jalan berlubang') =>
    uploadGql(h, SUBMIT, { forumId, kind: 'CRITIQUE', title, text: 'Lihat fotonya.' }, files, token);
  const fetchFile = (url: string) => h.gateway.fetch(`http://layanan.test${url}`);
  const photosOf = async (id: string, token?: string) =>
    (await h.gql(PHOTOS, { id }, token ? { token } : {})).body.data.node.attachments as {
      name: string;
      url: string;
    }[];

  it('takes a photo with a submission; it is stored once by hash, without EXIF or GPS, and public', async () => {
    const photo = await jpegWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const r = await submit([{ name: 'lubang.jpg', type: 'image/jpeg', bytes: photo }]);
    expect(r.status).toBe(200);
    const payload = r.body.data.submitToForum;
    expect(payload.__typename).toBe('SubmissionPayload');
    const [file] = payload.submission.attachments;
    expect(file).toMatchObject({ name: 'lubang.jpg', type: 'image/jpeg', purpose: 'FORUM_SUBMISSION' });

    const row = await h.db.prisma.attachment.findUniqueOrThrow({ where: { id: file.id } });
    expect(row).toMatchObject({ purpose: 'FORUM_SUBMISSION', mediaType: 'image/jpeg', size: file.size });
    expect(row.uploadedByAccountId).not.toBeNull();

    // An anonymous reader gets a public link; the bytes have no metadata left.
    const [seen] = await photosOf(payload.submission.id);
    expect(seen?.url).toMatch(/&pub=1&sig=/);
    const image = await fetchFile(seen?.url ?? '');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await image.arrayBuffer());
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('Seri-987'))).toBe(false);
    expect(bytes.includes(Buffer.from('KameraForum'))).toBe(false);

    // The same photo again: a second row, the same stored bytes (one blob by SHA-256).
    const again = await submit([{ name: 'lagi.jpg', type: 'image/jpeg', bytes: photo }]);
    const second = again.body.data.submitToForum.submission.attachments[0];
    const secondRow = await h.db.prisma.attachment.findUniqueOrThrow({ where: { id: second.id } });
    expect(secondRow.sha256).toBe(row.sha256);
    expect(secondRow.id).not.toBe(row.id);
  });

  it('refuses a PDF, an executable named .jpg, too many and too large photos, in both languages', async () => {
    const before = await h.db.prisma.submission.count();
    const r = await submit([
      { name: 'surat.pdf', type: 'application/pdf', bytes: pdfBytes() },
      { name: 'foto.jpg', type: 'image/jpeg', bytes: EXE },
    ]);
    const refused = r.body.data.submitToForum;
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fields.map((f: any) => `${f.field}:${f.code}`)).toEqual([
      'attachments[0]:ATTACHMENT_TYPE_NOT_ACCEPTED',
      'attachments[1]:ATTACHMENT_TYPE_NOT_ACCEPTED',
    ]);
    expect(refused.fields[0].messageId).toMatch(/tidak diterima.*Yang diterima: JPEG, PNG, WebP\./);
    expect(refused.fields[0].messageEn).toMatch(/not accepted.*Accepted: JPEG, PNG, WebP\./);

    const photo = await jpegWithGps(60);
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.jpg`, bytes: photo }));
    const tooMany = (await submit(five)).body.data.submitToForum;
    expect(tooMany).toMatchObject({ __typename: 'ValidationError', code: 'ATTACHMENT_TOO_MANY' });
    expect(tooMany.messageId).toMatch(/paling banyak 4/);
    expect(tooMany.messageEn).toMatch(/at most 4/);

    // Over the forum's 5 MB per photo (a JPEG start, then padding): refused before decoding.
    const big = Buffer.concat([photo, Buffer.alloc(5 * 1024 * 1024, 0)]);
    const tooLarge = (await submit([{ name: 'besar.jpg', bytes: big }])).body.data.submitToForum;
    expect(tooLarge).toMatchObject({ __typename: 'ValidationError', code: 'ATTACHMENT_TOO_LARGE' });
    expect(tooLarge.messageId).toMatch(/batas 5 MB/);
    expect(tooLarge.messageEn).toMatch(/limit 5 MB/);

    // Over 24 megapixels: refused when decoded.
    const huge = await sharp({
      create: { width: 6000, height: 4500, channels: 3, background: { r: 1, g: 2, b: 3 } },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const tooWide = (await submit([{ name: 'lebar.png', bytes: huge }])).body.data.submitToForum;
    expect(tooWide).toMatchObject({ __typename: 'ValidationError', code: 'ATTACHMENT_IMAGE_TOO_LARGE' });
    expect(tooWide.messageEn).toMatch(/limit 24 megapixels/);
    expect(await h.db.prisma.submission.count()).toBe(before);
  });

  it('hides a hidden submission’s photos from other citizens, even through a link already handed out', async () => {
    const r = await submit([{ name: 'antrian.jpg', bytes: await jpegWithGps(90) }], t.warga, 'Antrian');
    const id = r.body.data.submitToForum.submission.id;
    const [asOther] = await photosOf(id, t.warga2);
    expect(asOther?.url).toMatch(/&pub=1&/);
    expect((await fetchFile(asOther?.url ?? '')).status).toBe(200);

    const hide = await h.gql(
      'mutation($id: ID!) { hideSubmission(submissionId: $id, reason: "Data pribadi orang lain.") { __typename } }',
      { id },
      { token: t.yulia },
    );
    expect(hide.body.data.hideSubmission.__typename).toBe('SubmissionPayload');
    // The link given to the other citizen stops at once; they and the public see no photo now.
    expect((await fetchFile(asOther?.url ?? '')).status).toBe(404);
    expect(await photosOf(id, t.warga2)).toEqual([]);
    expect(await photosOf(id)).toEqual([]);
    // The author and the moderator still see it, with links that work.
    for (const token of [t.warga, t.yulia]) {
      const [own] = await photosOf(id, token);
      expect(own?.url).not.toMatch(/pub=1/);
      expect((await fetchFile(own?.url ?? '')).status).toBe(200);
    }
    // A public link cannot be turned into an entitled one by dropping `pub=1`.
    expect((await fetchFile((asOther?.url ?? '').replace('&pub=1', ''))).status).toBe(403);
  });

  it('refuses an expired link', async () => {
    const r = await submit([{ name: 'lama.jpg', bytes: await jpegWithGps(120) }]);
    const [file] = r.body.data.submitToForum.submission.attachments;
    const old = new Date(Date.now() - (FILE_LINK_TTL_SECONDS + 5) * 1000);
    for (const audience of ['public', 'entitled'] as const) {
      const expired = await fetchFile(signFileLink(h.config.jwtSecret, file.id, old, audience));
      expect(expired.status).toBe(403);
      expect(await expired.text()).toMatch(/kedaluwarsa|expired/);
    }
  });

  it('erases the photos with the author’s account: gone from the submission, the link answers 404', async () => {
    const password = 'gunung-marapi-2027';
    const citizen = await registeredCitizen(h, {
      email: 'foto-forum@contoh.id',
      displayName: 'Pemotret Forum',
      password,
    });
    const r = await submit(
      [{ name: 'rumah-saya.jpg', bytes: await jpegWithGps(150) }],
      citizen.accessToken,
      'Rumah saya',
    );
    const id = r.body.data.submitToForum.submission.id;
    const [link] = await photosOf(id);
    const erase = await h.gql(
      'mutation($input: EraseMyAccountInput!) { eraseMyAccount(input: $input) { __typename } }',
      { input: { password } },
      { token: citizen.accessToken },
    );
    expect(erase.body.data.eraseMyAccount.__typename).toBe('AccountErased');
    expect(await photosOf(id)).toEqual([]);
    expect((await fetchFile(link?.url ?? '')).status).toBe(404);
    const fileId = r.body.data.submitToForum.submission.attachments[0].id;
    const row = await h.db.prisma.attachment.findUniqueOrThrow({ where: { id: fileId } });
    expect(row.erasedAt).not.toBeNull();
    expect(row.fileName).toBe('lampiran.jpg');
  });
});
