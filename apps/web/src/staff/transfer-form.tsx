// Transfer (disposisi) of a request to the responsible service and unit: the supervisor of the
// request's unit or an admin picks a service of the same kind and says why (the reporter sees it).
import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { serviceName } from '../labels.ts';
import { useEveryService } from '../reference-lists.ts';
import {
  Field,
  FormFailureNote,
  mutationFailure,
  Notice,
  Select,
  SubmitButton,
  useSubmit,
  useText,
} from '../ui.tsx';

const Transfer = graphql(`
  mutation Transfer($input: TransferServiceRequestInput!) {
    transferServiceRequest(input: $input) {
      __typename
      ... on ServiceRequestPayload { request { id version unit { code name } assignee { id name } } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { code message }
    }
  }
`);

type ServiceKind = 'COMPLAINT' | 'PERMIT' | 'REGISTRATION' | 'INFORMATION_REQUEST';

export function TransferForm({
  request,
  onChanged,
}: {
  request: { trackingCode: string; version: number; service: { code: string; kind: string } };
  onChanged: (version?: number) => void;
}) {
  const { t, lang } = useI18n();
  const sameKind = useEveryService({ kind: request.service.kind as ServiceKind }).nodes;
  const [{ fetching }, transfer] = useMutation(Transfer);
  const [serviceCode, setServiceCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const saved = useRef<{ version: number; unit: string } | undefined>(undefined);
  const reason = useText();
  const services = (sameKind ?? []).filter((s) => s.code !== request.service.code);
  const names = new Map(
    services.map((s) => [s.code, `${serviceName(s, lang)} (${s.unit.shortName ?? s.unit.code})`]),
  );
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      setDone(null);
      const r = await transfer({
        input: {
          trackingCode: request.trackingCode,
          expectedVersion: request.version,
          serviceCode,
          reason: reason.value,
        },
      });
      const payload = r.data?.transferServiceRequest;
      if (payload?.__typename === 'ServiceRequestPayload')
        saved.current = { version: payload.request.version, unit: payload.request.unit.name };
      return mutationFailure(payload, r.error);
    },
    () => {
      reason.set('');
      setServiceCode('');
      setDone(saved.current?.unit ?? null);
      onChanged(saved.current?.version);
    },
  );
  return (
    <form noValidate onSubmit={onSubmit} data-testid="transfer">
      <h3>{t('transferTitle')}</h3>
      <p className="muted">{t('transferHint')}</p>
      {done ? <Notice kind="success">{t('transferDone', { unit: done })}</Notice> : null}
      <Field label={t('transferService')} error={errors.serviceCode} required>
        {(p) => (
          <Select
            {...p}
            options={services.map((s) => s.code)}
            value={serviceCode}
            onChange={setServiceCode}
            label={(code) => names.get(code) ?? code}
          >
            <option value="">—</option>
          </Select>
        )}
      </Field>
      <Field label={t('transferReason')} error={errors.reason} required>
        {(p) => <textarea {...p} rows={2} {...reason.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['serviceCode', 'reason']} />
      <SubmitButton busy={fetching}>{t('transferAction')}</SubmitButton>
    </form>
  );
}
