import type { ComponentType, ReactNode } from 'react';
import type { Action } from '../../shared/permissions.ts';

/**
 * Every page of the signed-in app, declared once: its address under /app, the action it needs (the
 * same one the server requires of its API; without it the page looks like one that does not exist,
 * as the API answers 404), how to load it, and where it is linked from. The router
 * (web/app/router.tsx), the main navigation (main-nav.tsx) and the section tabs (section-tabs.tsx)
 * are all read from this list. Pages load on demand: this file imports none of them.
 */
export interface AppPage {
  /** Under /app; '' is /app itself. */
  path: string;
  /** Undefined: anyone signed in. */
  action?: Action;
  load: () => Promise<ComponentType>;
  /** A link in the main navigation; `program` puts it on the program row. */
  nav?: { label: string; program?: boolean };
  /** A tab among the sections of Settings, Team or People. */
  tab?: { group: TabGroup; label: string };
}

export type TabGroup = 'settings' | 'team' | 'people';

/** Loads a page that shows its group's section tabs where it chooses (it receives them as `tabs`). */
const withTabs = async (page: Promise<ComponentType<{ tabs: ReactNode }>>, group: TabGroup = 'settings') => {
  const [Page, { SectionTabs }] = await Promise.all([page, import('./routes/section-tabs.tsx')]);
  return () => <Page tabs={<SectionTabs group={group} />} />;
};

export const APP_PAGES: readonly AppPage[] = [
  { path: '', load: async () => (await import('./routes/app-home.tsx')).AppHomeRoute, nav: { label: 'Home' } },
  {
    path: 'request',
    action: 'support.request',
    load: async () => (await import('./routes/ask-for-support.tsx')).AskForSupportRoute,
    nav: { label: 'Ask for support' },
  },
  {
    path: 'requests',
    action: 'support.request',
    load: async () => (await import('./routes/my-requests.tsx')).MyRequestsRoute,
    nav: { label: 'My requests' },
  },
  { path: 'refer', action: 'support.request', load: async () => (await import('./routes/refer-colleague.tsx')).ReferColleagueRoute },
  {
    path: 'offers',
    action: 'supporter.self',
    load: async () => (await import('./routes/offers.tsx')).OffersRoute,
    nav: { label: 'Offers' },
  },
  {
    path: 'cases',
    action: 'supporter.self',
    load: async () => (await import('./routes/supporter-cases.tsx')).SupporterCasesRoute,
    nav: { label: 'My cases' },
  },
  { path: 'cases/:id', action: 'supporter.self', load: async () => (await import('./routes/supporter-case.tsx')).SupporterCaseRoute },
  { path: 'account', load: async () => (await import('./routes/account.tsx')).AccountRoute, nav: { label: 'My account' } },
  {
    path: 'resources',
    action: 'resources.read',
    load: async () => (await import('./routes/resources.tsx')).ResourcesRoute,
    nav: { label: 'Resources' },
  },
  {
    path: 'supporter-profile',
    action: 'supporter.self',
    load: async () => (await import('./routes/supporter-profile.tsx')).SupporterProfileRoute,
    nav: { label: 'My supporter profile' },
  },
  {
    path: 'on-call',
    action: 'rota.self',
    load: async () => (await import('../features/on-call/pages.tsx')).OnCallPage,
    nav: { label: 'On call' },
  },
  {
    path: 'team/me',
    action: 'team.self',
    load: async () => (await import('../features/team/pages.tsx')).PeerSupportTeamPage,
    nav: { label: 'Peer support team' },
  },
  {
    path: 'report-event',
    action: 'events.report',
    load: async () => (await import('../features/event-notices/pages.tsx')).ReportEventPage,
    nav: { label: 'Report an event' },
  },
  {
    path: 'team',
    action: 'team.read',
    load: () =>
      withTabs(
        import('../features/team/pages.tsx').then((m) => m.TeamPipelinePage),
        'team',
      ),
    nav: { label: 'Team', program: true },
    tab: { group: 'team', label: 'Team' },
  },
  {
    path: 'training',
    action: 'training.manage',
    // A tab of Team rather than a link of its own: the program row stays one line.
    load: () =>
      withTabs(
        import('../features/training/pages.tsx').then((m) => m.TrainingPage),
        'team',
      ),
    tab: { group: 'team', label: 'Training' },
  },
  {
    path: 'team/meetings',
    action: 'team.meetings',
    load: () =>
      withTabs(
        import('../features/team/pages.tsx').then((m) => m.TeamMeetingsPage),
        'team',
      ),
    tab: { group: 'team', label: 'Meetings' },
  },
  {
    path: 'supporters',
    action: 'supporters.manage',
    load: () =>
      withTabs(
        import('./routes/supporters.tsx').then((m) => m.SupportersRoute),
        'team',
      ),
    tab: { group: 'team', label: 'Supporters' },
  },
  {
    path: 'reports',
    action: 'reports.read',
    load: async () => (await import('../features/reports/pages.tsx')).ReportsPage,
    nav: { label: 'Reports', program: true },
  },
  {
    path: 'board',
    action: 'cases.manage',
    load: async () => (await import('../features/case-board/pages.tsx')).CaseBoardPage,
    nav: { label: 'Case board', program: true },
  },
  { path: 'board/:id', action: 'cases.manage', load: async () => (await import('../features/case-board/pages.tsx')).CaseBoardCasePage },
  {
    path: 'event-notices',
    action: 'events.manage',
    load: async () => (await import('../features/event-notices/pages.tsx')).EventNoticesPage,
    nav: { label: 'Event notices', program: true },
  },
  {
    path: 'on-call/rota',
    action: 'rota.manage',
    load: async () => (await import('../features/on-call/pages.tsx')).OnCallRotaPage,
    nav: { label: 'On-call rota', program: true },
  },
  {
    path: 'people',
    action: 'people.read',
    load: () =>
      withTabs(
        import('./routes/people.tsx').then((m) => m.PeopleRoute),
        'people',
      ),
    nav: { label: 'People', program: true },
    tab: { group: 'people', label: 'People' },
  },
  { path: 'people/:id', action: 'people.read', load: async () => (await import('./routes/person.tsx')).PersonRoute },
  {
    // A tab of People rather than a link of its own: the program row stays one line.
    path: 'people/import',
    action: 'people.import',
    load: () =>
      withTabs(
        import('./routes/import-roster.tsx').then((m) => m.ImportRosterRoute),
        'people',
      ),
    tab: { group: 'people', label: 'Import roster' },
  },
  {
    path: 'organization',
    action: 'organization.manage',
    load: async () => (await import('./routes/organization.tsx')).OrganizationRoute,
    nav: { label: 'Organisation', program: true },
  },
  {
    path: 'settings',
    action: 'settings.manage',
    load: async () => (await import('./routes/settings.tsx')).SettingsRoute,
    nav: { label: 'Settings', program: true },
    tab: { group: 'settings', label: 'Program settings' },
  },
  {
    path: 'settings/setup',
    action: 'setup.manage',
    load: () => withTabs(import('../features/setup/pages.tsx').then((m) => m.SetupPage)),
    tab: { group: 'settings', label: 'Set-up' },
  },
  {
    path: 'settings/integrations',
    action: 'tokens.manage',
    load: () => withTabs(import('../features/event-notices/pages.tsx').then((m) => m.IntegrationTokensPage)),
    tab: { group: 'settings', label: 'Integrations' },
  },
  {
    path: 'settings/sign-in',
    action: 'sso.configure',
    load: () => withTabs(import('../features/sso/pages.tsx').then((m) => m.SsoSettingsPage)),
    tab: { group: 'settings', label: 'Sign-in' },
  },
  { path: 'outbox', action: 'cases.manage', load: async () => (await import('../features/outbox/pages.tsx')).OutboxPage },
  {
    path: 'audit',
    action: 'audit.read',
    load: async () => (await import('../features/case-board/pages.tsx')).AuditLogPage,
    nav: { label: 'Audit log', program: true },
  },
];

export const appPageUrl = (page: AppPage) => (page.path ? `/app/${page.path}` : '/app');
