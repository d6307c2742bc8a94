import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Provider, useQuery, useSubscription } from 'urql';
import { createApiClient, createClient, LayananContext } from './client.ts';
import { graphql } from './graphql.ts';
import { I18nProvider, type MessageKey, useI18n } from './i18n.tsx';
import { AccessibilityPage } from './pages/accessibility.tsx';
import { AccountPage } from './pages/account.tsx';
import { AnonymousComplaintPage } from './pages/anonymous-complaint.tsx';
import { CataloguePage } from './pages/catalogue.tsx';
import { ForumPage, ForumsPage } from './pages/forums.tsx';
import { LoginPage } from './pages/login.tsx';
import { MyDataPage } from './pages/my-data.tsx';
import { MyRequestsPage } from './pages/my-requests.tsx';
import { NoticesPage } from './pages/notices.tsx';
import { NotificationsPage } from './pages/notifications.tsx';
import { PrivacyPage } from './pages/privacy.tsx';
import {
  ForgotPasswordPage,
  ResetPasswordPage,
  VerificationBanner,
  VerifyEmailPage,
} from './pages/recovery.tsx';
import { RequestPage } from './pages/request.tsx';
import { ServicePage } from './pages/service.tsx';
import { TrackPage } from './pages/track.tsx';
import { VerifyPage } from './pages/verify.tsx';
import { Link, match, navigate, RouterProvider, usePath } from './router.tsx';
import { getSession, isStaffRole, onSessionChange, type Session, signOut } from './session.ts';
import { AdminPage } from './staff/admin.tsx';
import { ApprovalsPage } from './staff/approvals.tsx';
import { CounterSurveyPage } from './staff/counter-survey.tsx';
import { ForumInboxPage } from './staff/forum-inbox.tsx';
import { QueuePage } from './staff/queue.tsx';
import { StaffRequestPage } from './staff/staff-request.tsx';
import { Loading } from './ui.tsx';

// The charts (Chart.js) load only when a staff member opens the statistics.
const StatisticsPage = lazy(() =>
  import('./staff/statistics.tsx').then((m) => ({ default: m.StatisticsPage })),
);

// The public results page draws the same charts; the open-data dictionary needs none, but is
// rarely opened.
const ResultsPage = lazy(() => import('./pages/results.tsx').then((m) => ({ default: m.ResultsPage })));

const OpenDataPage = lazy(() => import('./pages/open-data.tsx').then((m) => ({ default: m.OpenDataPage })));

const SkmReportPage = lazy(() =>
  import('./staff/skm-report.tsx').then((m) => ({ default: m.SkmReportPage })),
);

const ImprovementActionsPage = lazy(() =>
  import('./staff/improvement-actions.tsx').then((m) => ({ default: m.ImprovementActionsPage })),
);

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <ClientRoot />
      </RouterProvider>
    </I18nProvider>
  );
}

function useSession(): Session | null {
  const [session, set] = useState(getSession());
  useEffect(() => onSessionChange(set), []);
  return session;
}

function ClientRoot() {
  const { lang } = useI18n();
  const session = useSession();
  const accountId = session?.account.id ?? null;
  // New clients (empty cache) per account and language.
  const client = useMemo(() => createClient(lang), [lang, accountId]);
  const layanan = useMemo(() => createApiClient(lang), [lang, accountId]);
  return (
    <Provider value={client}>
      <LayananContext.Provider value={layanan}>
        <Shell session={session} />
      </LayananContext.Provider>
    </Provider>
  );
}

const UnreadQuery = graphql(`query UnreadCount { unreadNotificationCount }`);
const NotificationAdded = graphql(`subscription NotificationAdded { notificationAdded { id } }`);
// Marking notifications read (a MarkNotificationsReadPayload) makes the count stale.
const unreadContext = { additionalTypenames: ['MarkNotificationsReadPayload', 'Notification'] };

function UnreadBadge() {
  const { t } = useI18n();
  const [{ data }, refetch] = useQuery({ query: UnreadQuery, context: unreadContext });
  const [live] = useSubscription({ query: NotificationAdded });
  const latest = live.data?.notificationAdded.id;
  useEffect(() => {
    if (latest) refetch({ requestPolicy: 'network-only' });
  }, [latest, refetch]);
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <span className="badge count">
      <span data-testid="unread-count">{count}</span>
      <span className="sr-only"> {t('unread')}</span>
    </span>
  );
}

type NavAudience = 'everyone' | 'notStaff' | 'signedIn' | 'citizens' | 'staff' | 'supervisors';

/** The main menu, in order, and whom each link is shown to. */
const NAV_LINKS: readonly { to: string; label: MessageKey; shownTo: NavAudience; unreadBadge?: true }[] = [
  { to: '/', label: 'navServices', shownTo: 'everyone' },
  // Staff find requests in their queue; the tracking page stays open to them at /lacak.
  { to: '/lacak', label: 'navTrack', shownTo: 'notStaff' },
  { to: '/permohonan', label: 'navMyRequests', shownTo: 'citizens' },
  { to: '/forum', label: 'navForums', shownTo: 'everyone' },
  // Staff read and publish notices on Kelola; the page stays open to them at /pengumuman.
  { to: '/pengumuman', label: 'navNotices', shownTo: 'notStaff' },
  { to: '/notifikasi', label: 'navNotifications', shownTo: 'signedIn', unreadBadge: true },
  { to: '/data-saya', label: 'myDataTitle', shownTo: 'citizens' },
  { to: '/staf', label: 'navQueue', shownTo: 'staff' },
  { to: '/staf/forum', label: 'navForumInbox', shownTo: 'staff' },
  { to: '/staf/statistik', label: 'navStatistics', shownTo: 'staff' },
  { to: '/staf/skm', label: 'navSkm', shownTo: 'staff' },
  { to: '/staf/tindakan', label: 'navActions', shownTo: 'staff' },
  { to: '/staf/persetujuan', label: 'navApprovals', shownTo: 'supervisors' },
  { to: '/staf/kelola', label: 'navManage', shownTo: 'supervisors' },
];

function navShown(audience: NavAudience, session: Session | null, staff: boolean): boolean {
  if (audience === 'everyone') return true;
  if (audience === 'notStaff') return !staff;
  if (audience === 'staff') return staff;
  if (audience === 'supervisors') return ['SUPERVISOR', 'ADMIN'].includes(session?.account.role ?? '');
  return Boolean(session) && (audience === 'signedIn' || !staff);
}

function Shell({ session }: { session: Session | null }) {
  const { t, lang, setLang } = useI18n();
  const path = usePath();
  const staff = isStaffRole(session?.account.role);
  const [menuOpen, setMenuOpen] = useState(false);
  // Close the phone menu on navigation.
  useEffect(() => setMenuOpen(false), [path]);

  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className={staff ? 'top staff' : 'top'}>
        <div className="bar">
          <Link to="/" className="brand">
            <span className="logo" aria-hidden="true">
              L
            </span>
            <span>
              Layanan <small>{t('cityName')}</small>
            </span>
          </Link>
          <button
            type="button"
            className="menu-toggle secondary"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {t('menu')}
          </button>
          <nav id="main-nav" className={menuOpen ? 'open' : ''} aria-label={t('mainNavigation')}>
            <ul>
              {NAV_LINKS.filter((link) => navShown(link.shownTo, session, staff)).map((link) => (
                <li key={link.to}>
                  <Link to={link.to}>
                    {t(link.label)}
                    {link.unreadBadge ? (
                      <>
                        {' '}
                        <UnreadBadge />
                      </>
                    ) : null}
                  </Link>
                </li>
              ))}
            </ul>
            <div className="account">
              <button
                type="button"
                className="secondary lang"
                lang={lang === 'id' ? 'en' : 'id'}
                onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
              >
                {lang === 'id' ? 'English' : 'Bahasa Indonesia'}
              </button>
              {session ? (
                <>
                  <Link
                    to="/akun"
                    className="who"
                    data-testid="signed-in-as"
                    aria-label={t('accountLink', { name: session.account.displayName })}
                  >
                    {session.account.displayName}
                  </Link>
                  <button
                    type="button"
                    className="secondary"
                    onClick={async () => {
                      await signOut();
                      navigate('/');
                    }}
                  >
                    {t('signOut')}
                  </button>
                </>
              ) : (
                <Link to="/masuk" className="button">
                  {t('signIn')}
                </Link>
              )}
            </div>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {session?.account.role === 'CITIZEN' && path !== '/verifikasi-email' ? <VerificationBanner /> : null}
        <Routes path={path} session={session} />
      </main>
      <footer className="foot">
        <p>{t('footer')}</p>
        <p>
          <Link to="/aksesibilitas">{t('accessibilityLink')}</Link> ·{' '}
          <Link to="/hasil">{t('resultsTitle')}</Link> · <Link to="/data-terbuka">{t('openDataTitle')}</Link>{' '}
          · <Link to="/pengumuman">{t('navNotices')}</Link> · <Link to="/privasi">{t('privacyLink')}</Link>
        </p>
      </footer>
    </>
  );
}

function Routes({ path, session }: { path: string; session: Session | null }) {
  const { t } = useI18n();
  const staff = isStaffRole(session?.account.role);
  const service = match('/layanan/:code', path);
  const forum = match('/forum/:slug', path);
  const request = match('/permohonan/:code', path);
  const staffRequest = match('/staf/permohonan/:code', path);
  if (path === '/') return <CataloguePage />;
  if (service) return <ServicePage code={service.code!} session={session} />;
  if (path === '/lacak') return <TrackPage />;
  if (path === '/pengaduan-anonim') return <AnonymousComplaintPage />;
  if (path === '/verifikasi' || path.startsWith('/verifikasi/'))
    return <VerifyPage number={decodeURIComponent(path.slice('/verifikasi/'.length))} />;
  if (path === '/masuk') return <LoginPage />;
  // The pages mailed links open (issue 18); /verifikasi/<number> is for documents (issue 19).
  if (path === '/verifikasi-email') return <VerifyEmailPage />;
  if (path === '/lupa-sandi') return <ForgotPasswordPage />;
  if (path === '/atur-sandi') return <ResetPasswordPage />;
  if (path === '/forum') return <ForumsPage />;
  if (path === '/pengumuman') return <NoticesPage />;
  if (forum) return <ForumPage slug={forum.slug!} session={session} />;
  if (path === '/aksesibilitas') return <AccessibilityPage />;
  if (path === '/privasi') return <PrivacyPage />;
  if (path === '/hasil')
    return (
      <Suspense fallback={<Loading />}>
        <ResultsPage />
      </Suspense>
    );
  if (path === '/data-terbuka')
    return (
      <Suspense fallback={<Loading />}>
        <OpenDataPage />
      </Suspense>
    );
  // Only the app's own signed-in pages ask to sign in; any other address is not found.
  if (!session && isSignedInPath(path)) return <LoginPage reason={t('signInRequired')} />;
  if (!session) return <NotFound />;
  if (path === '/permohonan') return <MyRequestsPage />;
  if (request) return <RequestPage code={request.code!} />;
  if (path === '/notifikasi') return <NotificationsPage />;
  if (path === '/akun') return <AccountPage session={session} />;
  if (path === '/data-saya') return <MyDataPage />;
  if (staff) {
    if (path === '/staf') return <QueuePage />;
    if (path === '/staf/forum') return <ForumInboxPage />;
    if (path === '/staf/survei-loket') return <CounterSurveyPage />;
    if (staffRequest) return <StaffRequestPage code={staffRequest.code!} role={session.account.role} />;
    if (path === '/staf/statistik')
      return (
        <Suspense fallback={<Loading />}>
          <StatisticsPage />
        </Suspense>
      );
    if (path === '/staf/skm')
      return (
        <Suspense fallback={<Loading />}>
          <SkmReportPage />
        </Suspense>
      );
    if (path === '/staf/tindakan')
      return (
        <Suspense fallback={<Loading />}>
          <ImprovementActionsPage />
        </Suspense>
      );
    if (path === '/staf/persetujuan') return <ApprovalsPage role={session.account.role} />;
    if (path === '/staf/kelola') return <AdminPage role={session.account.role} />;
  }
  return <NotFound />;
}

/** The addresses of pages for signed-in users (the staff pages all live under /staf). */
function isSignedInPath(path: string): boolean {
  return (
    ['/permohonan', '/notifikasi', '/akun', '/data-saya', '/staf'].includes(path) ||
    path.startsWith('/staf/') ||
    match('/permohonan/:code', path) !== null
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <Link to="/">{t('backToServices')}</Link>
    </section>
  );
}
