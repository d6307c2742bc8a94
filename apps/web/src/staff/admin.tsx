// The "Kelola" page of supervisors and admins: the staff register (with its forms), the unit's
// complaint managers, the SKP
// period, positions' requirements (admins), the service catalogue, the holiday calendar, forums
// and their sessions, public notices and API keys (admins), each a section of its own file reached
// through the page's sub-navigation.
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import type { Role } from '../session.ts';
import { Loading, Notice } from '../ui.tsx';
import { ApiKeys } from './api-keys.tsx';
import { CatalogueEditor } from './catalogue-editor.tsx';
import { ComplaintManagers } from './complaint-managers.tsx';
import { ForumAdmin } from './forum-admin.tsx';
import { HolidayEditor } from './holiday-editor.tsx';
import { PositionRequirementsForm } from './position-requirements.tsx';
import { PublicNotices } from './public-notices.tsx';
import { SkpPeriodForm } from './skp-period.tsx';
import { StaffRegister } from './staff-register.tsx';

const ManagerQuery = graphql(`
  query Manager {
    me { role unit { code } account { id staff { id } } }
  }
`);

type Section =
  | 'staff'
  | 'complaintManagers'
  | 'skp'
  | 'positions'
  | 'catalogue'
  | 'holidays'
  | 'forums'
  | 'notices'
  | 'apiKeys';

export function AdminPage({ role }: { role: Role }) {
  const { t } = useI18n();
  const [section, setSection] = useState<Section>('staff');
  const [{ data: me }] = useQuery({ query: ManagerQuery });
  if (role !== 'SUPERVISOR' && role !== 'ADMIN') return <Notice kind="warn">{t('supervisorsOnly')}</Notice>;
  const admin = role === 'ADMIN';
  // A supervisor manages their own unit (its staff with its sub-units, its services): the lists ask
  // the gateway for that unit only, so no row offers an action the gateway would refuse.
  const ownUnit = admin ? null : me?.me.unit?.code;
  if (ownUnit === undefined) return <Loading />;
  const selfId = me?.me.account?.staff?.id ?? null;
  // Positions' requirements are the BKPSDM's and API keys the city's (admins): not offered to
  // supervisors.
  const sections: readonly Section[] = admin
    ? [
        'staff',
        'complaintManagers',
        'skp',
        'positions',
        'catalogue',
        'holidays',
        'forums',
        'notices',
        'apiKeys',
      ]
    : ['staff', 'complaintManagers', 'skp', 'catalogue', 'holidays', 'forums', 'notices'];
  return (
    <section>
      <h1>{t('navManage')}</h1>
      <nav className="tabs" aria-label={t('manageSections')}>
        {sections.map((k) => (
          <button key={k} type="button" aria-pressed={section === k} onClick={() => setSection(k)}>
            {t(`manage_${k}`)}
          </button>
        ))}
      </nav>
      {section === 'staff' ? (
        <StaffRegister ownUnit={ownUnit} admin={admin} selfId={selfId} />
      ) : section === 'complaintManagers' ? (
        <ComplaintManagers ownUnit={ownUnit} />
      ) : section === 'skp' ? (
        <SkpPeriodForm ownUnit={ownUnit} />
      ) : section === 'positions' ? (
        <PositionRequirementsForm />
      ) : section === 'catalogue' ? (
        <CatalogueEditor ownUnit={ownUnit} admin={admin} />
      ) : section === 'forums' ? (
        <ForumAdmin ownUnit={ownUnit} admin={admin} />
      ) : section === 'notices' ? (
        <PublicNotices ownUnit={ownUnit} />
      ) : section === 'apiKeys' ? (
        admin ? (
          <ApiKeys />
        ) : null
      ) : (
        <HolidayEditor admin={admin} />
      )}
    </section>
  );
}
