import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { Loading } from '../components/ui/query-status.tsx';
import { APP_PAGES, type AppPage } from './app-pages.tsx';
import { RootLayout } from './root-layout.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';
import { PublicHomeRoute } from './routes/public-home.tsx';
import { RouteErrorBoundary } from './routes/route-error.tsx';

/** A page loaded on demand and, where it needs an action, shown only to accounts allowed it. */
const guarded = (page: AppPage) => async () => {
  const [Page, { RequireAction }] = await Promise.all([page.load(), import('./require-action.tsx')]);
  const action = page.action;
  return {
    Component: action
      ? () => (
          <RequireAction action={action}>
            <Page />
          </RequireAction>
        )
      : Page,
  };
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
      {
        path: '/request/status',
        lazy: async () => ({ Component: (await import('./routes/public-request-status.tsx')).PublicRequestStatusRoute }),
      },
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
          ...APP_PAGES.map((page) => ({ ...(page.path ? { path: page.path } : { index: true as const }), lazy: guarded(page) })),
          // The old address of the integrations page, from before it moved into Settings.
          { path: 'integrations', element: <Navigate to="/app/settings/integrations" replace /> },
          // The old address of the roster import, from before it became a tab of People.
          { path: 'import', element: <Navigate to="/app/people/import" replace /> },
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
