import { PageTitle } from '../../components/ui/page-title.tsx';
import { CaseList } from '../../features/supporter-workspace/components/case-list.tsx';

export function SupporterCasesRoute() {
  return (
    <div className="stack">
      <PageTitle title="My cases" />
      <p className="lead">
        The people you have accepted to support, and how to reach them. Nothing about your conversations is recorded here.
      </p>
      <CaseList />
    </div>
  );
}
