import { Link } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.tsx';

/** Also what a section looks like to someone not allowed to use it. */
export function NotFoundContent() {
  return (
    <div className="stack">
      <PageTitle title="Page not found" />
      <p>There is no page at this address, or it is not available to your account.</p>
      <p>
        <Link to="/app">Go to your home page</Link>
      </p>
    </div>
  );
}

/** Outside the signed-in area: a plain page with a way back. */
export function NotFoundRoute() {
  return (
    <main id="main" className="plain-page">
      <PageTitle title="Page not found" />
      <p>There is no page at this address.</p>
      <p>
        <Link to="/">How peer support works</Link> · <Link to="/login">Sign in</Link>
      </p>
    </main>
  );
}
