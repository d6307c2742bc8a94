// File uploads (issue 19): the GraphQL multipart request spec sent with XMLHttpRequest, whose
// upload progress events fetch does not offer; a file picker with previews of photos and the
// progress of the upload; and the list of a request's attachments with their download links.
import { useEffect, useMemo } from 'react';
import { useI18n } from './i18n.tsx';
import { freshAccessToken } from './session.ts';

/** What the gateway accepts (recognised from the content; the picker only filters the dialog). */
export const ACCEPTED_FILES = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';

/** What a mutation sent with files answers: a payload with the request, or a failure. */
export type MutationAnswer = {
  __typename: string;
  message?: string;
  fields?: { field: string; message: string }[];
  request?: { trackingCode?: string; version?: number };
};

/**
 * Sends one GraphQL operation whose `variables.input.attachments` are `files`, by the multipart
 * request spec, reporting the share of bytes sent (0–1) to `onProgress`. Answers the parsed JSON
 * body; rejects on a network failure.
 */
export async function sendWithFiles(
  lang: string,
  query: string,
  input: Record<string, unknown>,
  files: readonly File[],
  onProgress: (share: number) => void,
): Promise<{ data?: Record<string, MutationAnswer | null>; errors?: { message: string }[] }> {
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({ query, variables: { input: { ...input, attachments: files.map(() => null) } } }),
  );
  form.set(
    'map',
    JSON.stringify(
      Object.fromEntries(files.map((_, i) => [String(i), [`variables.input.attachments.${i}`]])),
    ),
  );
  files.forEach((file, i) => {
    form.set(String(i), file, file.name);
  });
  const token = await freshAccessToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/graphql');
    xhr.setRequestHeader('accept-language', lang);
    // Multipart is a "simple" request for browsers: the CSRF prevention wants this header.
    xhr.setRequestHeader('x-graphql-yoga-csrf', '1');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        reject(new Error(`HTTP ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(form);
  });
}

/** A preview URL for a photo, released when the component goes. */
function Preview({ file }: { file: File }) {
  const url = useMemo(() => (file.type.startsWith('image/') ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url ? <img src={url} alt="" className="file-preview" /> : <span aria-hidden="true">📄</span>;
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** What a forum submission takes: photos only (the gateway's FORUM_PHOTO_LIMITS). */
export const ACCEPTED_PHOTOS = 'image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp';

/**
 * Chooses files (photos with previews, PDFs by name) and shows the upload's progress; `photos`
 * for a forum submission (photos only, its own label and limits).
 */
export function FilePicker({
  files,
  onChange,
  progress,
  error,
  photos = false,
}: {
  files: readonly File[];
  onChange: (files: File[]) => void;
  /** 0–1 while sending, null otherwise. */
  progress: number | null;
  error?: string;
  photos?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="field" data-testid="file-picker">
      <label>
        {photos ? t('attachPhotos') : t('attachFiles')}
        <input
          type="file"
          multiple
          accept={photos ? ACCEPTED_PHOTOS : ACCEPTED_FILES}
          aria-describedby="files-hint"
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange([...files, ...Array.from(e.currentTarget.files ?? [])])}
        />
      </label>
      <p id="files-hint" className="hint">
        {photos ? t('attachPhotosHint') : t('attachFilesHint')}
      </p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="file-list">
          {files.map((file, i) => (
            <li key={`${file.name}-${i}`}>
              <Preview file={file} /> {file.name} ({sizeText(file.size)}){' '}
              <button
                type="button"
                className="secondary"
                disabled={progress !== null}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                {t('removeFile')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {progress !== null ? (
        <progress max={1} value={progress} aria-label={t('uploadProgress')} data-testid="upload-progress">
          {Math.round(progress * 100)}%
        </progress>
      ) : null}
    </div>
  );
}

export type AttachmentView = { id: string; name: string; type: string; size: number; url: string };

/**
 * A forum submission's photos as images (signed links, read fresh with the page), each described
 * for screen readers by its place and the submission's title; a click opens it full size.
 */
export function SubmissionPhotos({ photos, title }: { photos: readonly AttachmentView[]; title: string }) {
  const { t } = useI18n();
  if (photos.length === 0) return null;
  return (
    <ul className="photo-grid" data-testid="submission-photos">
      {photos.map((p, i) => (
        <li key={p.id}>
          <a href={p.url} target="_blank" rel="noopener noreferrer">
            <img
              src={p.url}
              alt={t('forumPhotoAlt', { n: i + 1, count: photos.length, title })}
              loading="lazy"
              className="forum-photo"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A request's files with download links (signed, valid minutes: the page reads them fresh). */
export function AttachmentList({ attachments }: { attachments: readonly AttachmentView[] }) {
  const { t } = useI18n();
  if (attachments.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="attachments-title" data-testid="attachments">
      <h2 id="attachments-title">{t('attachmentsTitle')}</h2>
      <ul className="file-list">
        {attachments.map((a) => (
          <li key={a.id}>
            {a.type.startsWith('image/') ? <img src={a.url} alt="" className="file-preview" /> : null}{' '}
            <a href={a.url} target="_blank" rel="noopener noreferrer" download={a.name}>
              {a.name}
            </a>{' '}
            ({sizeText(a.size)})
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A document slot of a service version, as the forms read it (DocumentSlot). */
export type SlotView = {
  key: string;
  name: string;
  required: boolean;
  acceptedTypes: readonly string[];
  maxFiles: number;
};

/** Files chosen per slot key. */
export type SlotFiles = Readonly<Record<string, readonly File[]>>;

const TYPE_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
};

/**
 * One upload per requirement (issue 19): each slot's name, whether it is required, the types it
 * takes and its files (photos previewed). `marked` slots (to redo after a return) are highlighted.
 */
export function SlotPicker({
  slots,
  files,
  onChange,
  disabled,
  marked,
}: {
  slots: readonly SlotView[];
  files: SlotFiles;
  onChange: (files: SlotFiles) => void;
  disabled?: boolean;
  marked?: ReadonlySet<string>;
}) {
  const { t } = useI18n();
  return (
    <div data-testid="slot-picker">
      {slots.map((slot) => {
        const chosen = files[slot.key] ?? [];
        const hint = `slot-hint-${slot.key}`;
        const set = (next: readonly File[]) => onChange({ ...files, [slot.key]: next });
        return (
          <fieldset
            key={slot.key}
            className={`field slot${marked?.has(slot.key) ? ' marked' : ''}`}
            data-testid={`slot-${slot.key}`}
          >
            <legend>
              {slot.name} ({slot.required ? t('slotRequired') : t('slotOptional')})
              {marked?.has(slot.key) ? <strong> — {t('slotRedo')}</strong> : null}
            </legend>
            <input
              type="file"
              aria-label={slot.name}
              aria-describedby={hint}
              multiple={slot.maxFiles > 1}
              accept={slot.acceptedTypes.join(',')}
              disabled={disabled}
              onChange={(e) => set([...chosen, ...Array.from(e.currentTarget.files ?? [])])}
            />
            <p id={hint} className="hint">
              {t('slotAccepts', {
                types: slot.acceptedTypes.map((type) => TYPE_NAMES[type] ?? type).join(', '),
                count: slot.maxFiles,
              })}
            </p>
            {chosen.length > 0 ? (
              <ul className="file-list">
                {chosen.map((file, i) => (
                  <li key={`${file.name}-${i}`}>
                    <Preview file={file} /> {file.name} ({sizeText(file.size)}){' '}
                    <button
                      type="button"
                      className="secondary"
                      disabled={disabled}
                      onClick={() => set(chosen.filter((_, j) => j !== i))}
                    >
                      {t('removeFile')}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </fieldset>
        );
      })}
    </div>
  );
}

/**
 * The files of one upload in the order sent, with `attachmentSlots` naming each one's slot
 * (null for the unslotted `others`), as SubmitServiceRequestInput and the correction take them.
 */
export function slottedFiles(
  bySlot: SlotFiles,
  others: readonly File[],
): { files: File[]; attachmentSlots: (string | null)[] } {
  const slotted = Object.entries(bySlot).flatMap(([key, list]) => list.map((file) => ({ key, file })));
  return {
    files: [...slotted.map((s) => s.file), ...others],
    attachmentSlots: [...slotted.map((s) => s.key), ...others.map(() => null)],
  };
}
