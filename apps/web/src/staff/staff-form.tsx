// Registering a civil servant (admins) and changing a record (admins; supervisors within their
// unit tree): name, unit, position, rank with its TMT and decree, and leaving the register.
import { useState } from 'react';
import { useMutation } from 'urql';
import { useConfirmation } from '../confirm.tsx';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { useEveryUnit } from '../reference-lists.ts';
import {
  Checkbox,
  Field,
  FormFailureNote,
  mutationFailure,
  Notice,
  todayWib,
  useSubmit,
  useText,
} from '../ui.tsx';
import { FormButtons } from './form-buttons.tsx';

const RegisterStaff = graphql(`
  mutation RegisterStaff($input: RegisterStaffInput!) {
    registerStaff(input: $input) {
      __typename
      ... on RegisterStaffPayload { staff { id name nip } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

const UpdateStaff = graphql(`
  mutation UpdateStaff($input: UpdateStaffInput!) {
    updateStaff(input: $input) {
      __typename
      ... on UpdateStaffPayload { staff { id name position rank unit { code shortName } } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

/** The units a record may be placed in: every unit for admins, the supervisor's unit tree. */
function useUnitChoices(ownUnit: string | null) {
  const units = useEveryUnit().nodes ?? [];
  if (!ownUnit) return units;
  const tree = new Set([ownUnit]);
  // Units come by code, not by depth: repeat until no unit joins the tree.
  for (let grown = true; grown; ) {
    grown = false;
    for (const u of units) {
      if (u.parent && tree.has(u.parent.code) && !tree.has(u.code)) {
        tree.add(u.code);
        grown = true;
      }
    }
  }
  return units.filter((u) => tree.has(u.code));
}

/** The units a record, forum or notice may name (every unit, or `ownUnit`'s tree), by name and code. */
export function UnitSelect({
  ownUnit,
  value,
  onChange,
  ...props
}: {
  ownUnit: string | null;
  value: string;
  onChange: (code: string) => void;
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}) {
  const { t } = useI18n();
  const units = useUnitChoices(ownUnit);
  return (
    <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('chooseUnit')}</option>
      {units.map((u) => (
        <option key={u.code} value={u.code}>
          {u.name} ({u.code})
        </option>
      ))}
    </select>
  );
}

type TextState = ReturnType<typeof useText>;

/** Catalogue position, position title and rank: asked alike on registering and on editing. */
function PlacementFields({
  positionCode,
  position,
  rank,
  errors,
}: {
  positionCode: TextState;
  position: TextState;
  rank: TextState;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('positionCode')} error={errors.positionCode} hint={t('positionCodeHint')}>
        {(p) => <input {...p} {...positionCode.bind} />}
      </Field>
      <Field label={t('position')} error={errors.position}>
        {(p) => <input {...p} {...position.bind} />}
      </Field>
      <Field label={t('rank')} error={errors.rank} hint={t('rankHint')}>
        {(p) => <input {...p} {...rank.bind} />}
      </Field>
    </>
  );
}

/** Text given, or undefined: an empty field leaves the value as it is (or as the default). */
const given = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The register form (BKPSDM admins); `onDone` gets the new person's NIP. */
export function RegisterStaffForm({
  onDone,
  onCancel,
}: {
  onDone: (nip: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const nip = useText();
  const name = useText();
  const [unitCode, setUnitCode] = useState('');
  const positionCode = useText();
  const position = useText();
  const rank = useText();
  const rankEffectiveOn = useText(todayWib());
  const [{ fetching }, register] = useMutation(RegisterStaff);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      const r = await register({
        input: {
          nip: nip.value,
          name: name.value,
          unitCode,
          positionCode: given(positionCode.value),
          position: given(position.value),
          rank: given(rank.value),
          rankEffectiveOn: given(rankEffectiveOn.value),
        },
      });
      return mutationFailure(r.data?.registerStaff, r.error);
    },
    () => onDone(nip.value.replace(/\s/g, '')),
  );
  return (
    <form className="panel" noValidate onSubmit={onSubmit} aria-labelledby="register-staff-title">
      <h2 id="register-staff-title">{t('registerStaff')}</h2>
      <Field label={t('nip')} error={errors.nip} hint={t('nipHint')} required>
        {(p) => <input {...p} inputMode="numeric" {...nip.bind} />}
      </Field>
      <Field label={t('name')} error={errors.name} required>
        {(p) => <input {...p} {...name.bind} />}
      </Field>
      <Field label={t('unit')} error={errors.unitCode} required>
        {(p) => <UnitSelect {...p} ownUnit={null} value={unitCode} onChange={setUnitCode} />}
      </Field>
      <PlacementFields positionCode={positionCode} position={position} rank={rank} errors={errors} />
      <Field label={t('rankEffectiveOn')} error={errors.rankEffectiveOn}>
        {(p) => <input {...p} type="date" {...rankEffectiveOn.bind} />}
      </Field>
      <FormFailureNote
        failure={failure}
        shown={['nip', 'name', 'unitCode', 'positionCode', 'position', 'rank', 'rankEffectiveOn']}
      />
      <FormButtons busy={fetching} submit={t('registerStaff')} onClose={onCancel} closeLabel={t('cancel')} />
    </form>
  );
}

/**
 * Changes to one person's record; only what is changed is sent (a new rank goes to the rank
 * history with its TMT and decree). `ownUnit` limits the units offered to a supervisor's tree.
 */
export function EditStaffForm({
  staff,
  ownUnit,
  onDone,
}: {
  staff: {
    id: string;
    name: string;
    position: string;
    rank?: string | null;
    positionDetails?: { code: string } | null;
    unit: { code: string };
  };
  ownUnit: string | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const name = useText(staff.name);
  const position = useText(staff.position);
  const positionCode = useText(staff.positionDetails?.code ?? '');
  const rank = useText(staff.rank ?? '');
  const rankEffectiveOn = useText('');
  const decreeNumber = useText('');
  const [unitCode, setUnitCode] = useState(staff.unit.code);
  const [active, setActive] = useState(true);
  const [saved, setSaved] = useState(false);
  const [{ fetching }, update] = useMutation(UpdateStaff);
  const changed = (value: string, before: string | null | undefined) =>
    value.trim() !== (before ?? '') ? given(value) : undefined;
  const newRank = changed(rank.value, staff.rank);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      setSaved(false);
      const r = await update({
        input: {
          id: staff.id,
          name: changed(name.value, staff.name),
          position: changed(position.value, staff.position),
          positionCode: changed(positionCode.value, staff.positionDetails?.code),
          unitCode: unitCode !== staff.unit.code ? unitCode : undefined,
          ...(newRank
            ? {
                rank: newRank,
                rankEffectiveOn: given(rankEffectiveOn.value),
                decreeNumber: given(decreeNumber.value),
              }
            : {}),
          ...(active ? {} : { active: false }),
        },
      });
      return mutationFailure(r.data?.updateStaff, r.error);
    },
    () => (active ? setSaved(true) : onDone()),
  );
  const confirmation = useConfirmation();
  return (
    <form
      className="subform"
      noValidate
      aria-label={t('editStaffTitle', { name: staff.name })}
      onSubmit={(e) => {
        e.preventDefault();
        // Leaving the register takes the person off every list: ask first, naming them.
        if (active) void onSubmit(e);
        else
          confirmation.ask({
            title: t('leaveRegisterTitle'),
            subject: t('leaveRegisterConfirm', { name: staff.name }),
            confirmLabel: t('leavesRegister'),
            onConfirm: () => void onSubmit(e),
          });
      }}
    >
      <h3>{t('editStaffTitle', { name: staff.name })}</h3>
      <Field label={t('name')} error={errors.name}>
        {(p) => <input {...p} {...name.bind} />}
      </Field>
      <Field label={t('unit')} error={errors.unitCode}>
        {(p) => <UnitSelect {...p} ownUnit={ownUnit} value={unitCode} onChange={setUnitCode} />}
      </Field>
      <PlacementFields positionCode={positionCode} position={position} rank={rank} errors={errors} />
      {newRank ? (
        <>
          <Field label={t('rankEffectiveOn')} error={errors.rankEffectiveOn}>
            {(p) => <input {...p} type="date" {...rankEffectiveOn.bind} />}
          </Field>
          <Field label={t('decreeNumber')} error={errors.decreeNumber}>
            {(p) => <input {...p} {...decreeNumber.bind} />}
          </Field>
        </>
      ) : null}
      <Checkbox checked={!active} onChange={(checked) => setActive(!checked)}>
        {t('leavesRegister')}
      </Checkbox>
      <FormFailureNote
        failure={failure}
        shown={['name', 'unitCode', 'positionCode', 'position', 'rank', 'rankEffectiveOn', 'decreeNumber']}
      />
      {saved ? <Notice kind="success">{t('staffSaved', { name: name.value })}</Notice> : null}
      {confirmation.dialog}
      <FormButtons busy={fetching} submit={t('save')} onClose={onDone} />
    </form>
  );
}
