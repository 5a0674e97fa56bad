import { Link } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { MyRequestsList } from '../../features/support-requests/components/my-requests-list.tsx';

export function MyRequestsRoute() {
  return (
    <div className="stack">
      <PageTitle title="My requests" />
      <p className="lead">
        Where your requests for support stand. Only you, the program administrator and your peer supporter can see them.
      </p>
      <MyRequestsList />
      <p>
        <Link to="/app/request">Ask for support again</Link>
      </p>
    </div>
  );
}
