import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { CrisisLine } from '../../components/layout/crisis-line.tsx';

/** Shown if a page crashes while rendering; the crisis line stays visible even then. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const text = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : 'An unexpected error stopped this page.';
  return (
    <main id="main" className="plain-page">
      <title>Something went wrong · Peerline</title>
      <h1>Something went wrong</h1>
      <p>{text}</p>
      <p>
        <a href="/app">Reload the app</a> · <Link to="/">How peer support works</Link>
      </p>
      <CrisisLine />
    </main>
  );
}
