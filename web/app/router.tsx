import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { Loading } from '../components/ui/query-status.tsx';
import type { Action } from '../../shared/permissions.ts';
import { RootLayout } from './root-layout.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';
import { PublicHomeRoute } from './routes/public-home.tsx';
import { RouteErrorBoundary } from './routes/route-error.tsx';

/** A feature page loaded on demand and shown only to accounts allowed the action its API requires. */
const guarded = (action: Action, load: () => Promise<ComponentType>) => async () => {
  const [Page, { RequireAction }] = await Promise.all([load(), import('./require-action.tsx')]);
  return { Component: () => <RequireAction action={action}><Page /></RequireAction> };
};

/**
 * The public page is in the main bundle; sign-in and the signed-in app load on demand, so a
 * clinician opening "/" on a phone downloads only what that page needs.
 */
const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteErrorBoundary />,
    hydrateFallbackElement: <Loading />,
    children: [
      { path: '/', element: <PublicHomeRoute /> },
      { path: '/request', lazy: async () => ({ Component: (await import('./routes/public-request.tsx')).PublicRequestRoute }) },
      { path: '/request/status', lazy: async () => ({ Component: (await import('./routes/public-request-status.tsx')).PublicRequestStatusRoute }) },
      { path: '/feedback/:token', lazy: async () => ({ Component: (await import('./routes/public-feedback.tsx')).PublicFeedbackRoute }) },
      { path: '/o/:token', lazy: async () => ({ Component: (await import('./routes/public-outreach.tsx')).PublicOutreachRoute }) },
      { path: '/set-password', lazy: async () => ({ Component: (await import('./routes/set-password.tsx')).SetPasswordRoute }) },
      { path: '/login', lazy: async () => ({ Component: (await import('./routes/login.tsx')).LoginRoute }) },
      { path: '/login/second-step', lazy: async () => ({ Component: (await import('./routes/second-step.tsx')).SecondStepRoute }) },
      { path: '/:org/login', lazy: async () => ({ Component: (await import('./routes/login.tsx')).LoginRoute }) },
      {
        path: '/app',
        lazy: async () => ({ Component: (await import('./routes/app-shell.tsx')).AppShellRoute }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/app-home.tsx')).AppHomeRoute }) },
          { path: 'request', lazy: async () => ({ Component: (await import('./support-pages.tsx')).AskForSupportPage }) },
          { path: 'requests', lazy: async () => ({ Component: (await import('./support-pages.tsx')).MyRequestsPage }) },
          { path: 'refer', lazy: async () => ({ Component: (await import('./support-pages.tsx')).ReferColleaguePage }) },
          { path: 'account', lazy: async () => ({ Component: (await import('./routes/account.tsx')).AccountRoute }) },
          { path: 'resources', lazy: async () => ({ Component: (await import('./support-pages.tsx')).ResourcesPage }) },
          { path: 'offers', lazy: async () => ({ Component: (await import('./support-pages.tsx')).OffersPage }) },
          { path: 'cases', lazy: async () => ({ Component: (await import('./support-pages.tsx')).SupporterCasesPage }) },
          { path: 'cases/:id', lazy: async () => ({ Component: (await import('./support-pages.tsx')).SupporterCasePage }) },
          { path: 'supporter-profile', lazy: async () => ({ Component: (await import('./support-pages.tsx')).SupporterProfilePage }) },
          { path: 'supporters', lazy: async () => ({ Component: (await import('./support-pages.tsx')).SupportersPage }) },
          { path: 'people', lazy: async () => ({ Component: (await import('./admin-pages.tsx')).PeoplePage }) },
          { path: 'people/:id', lazy: async () => ({ Component: (await import('./admin-pages.tsx')).PersonPage }) },
          { path: 'import', lazy: async () => ({ Component: (await import('./admin-pages.tsx')).ImportPage }) },
          { path: 'organization', lazy: async () => ({ Component: (await import('./admin-pages.tsx')).OrganizationPage }) },
          { path: 'settings', lazy: async () => ({ Component: (await import('./admin-pages.tsx')).SettingsPage }) },
          { path: 'board', lazy: guarded('cases.manage', async () => (await import('../features/case-board/pages.tsx')).CaseBoardPage) },
          { path: 'board/:id', lazy: guarded('cases.manage', async () => (await import('../features/case-board/pages.tsx')).CaseBoardCasePage) },
          { path: 'outbox', lazy: guarded('cases.manage', async () => (await import('../features/outbox/pages.tsx')).OutboxPage) },
          { path: 'audit', lazy: guarded('audit.read', async () => (await import('../features/case-board/pages.tsx')).AuditLogPage) },
          { path: 'report-event', lazy: guarded('events.report', async () => (await import('../features/event-notices/pages.tsx')).ReportEventPage) },
          { path: 'event-notices', lazy: guarded('events.manage', async () => (await import('../features/event-notices/pages.tsx')).EventNoticesPage) },
          {
            path: 'settings/integrations',
            lazy: guarded('tokens.manage', async () => {
              const [{ IntegrationTokensPage }, { SettingsTabs }] = await Promise.all([import('../features/event-notices/pages.tsx'), import('./routes/settings-tabs.tsx')]);
              return () => <IntegrationTokensPage tabs={<SettingsTabs />} />;
            }),
          },
          {
            path: 'settings/sign-in',
            lazy: guarded('sso.configure', async () => {
              const [{ SsoSettingsPage }, { SettingsTabs }] = await Promise.all([import('../features/sso/pages.tsx'), import('./routes/settings-tabs.tsx')]);
              return () => <SsoSettingsPage tabs={<SettingsTabs />} />;
            }),
          },
          // The old address of the integrations page, from before it moved into Settings.
          { path: 'integrations', element: <Navigate to="/app/settings/integrations" replace /> },
          { path: 'on-call', lazy: guarded('rota.self', async () => (await import('../features/on-call/pages.tsx')).OnCallPage) },
          { path: 'on-call/rota', lazy: guarded('rota.manage', async () => (await import('../features/on-call/pages.tsx')).OnCallRotaPage) },
          { path: '*', lazy: async () => ({ Component: (await import('./routes/not-found.tsx')).NotFoundContent }) },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
