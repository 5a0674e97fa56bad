import type { ReactNode } from 'react';
import './event-notices.css';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { GroupDebriefsSection } from './components/group-debriefs.tsx';
import { IntegrationTokens } from './components/integration-tokens.tsx';
import { ManagedNoticesList } from './components/managed-notices-list.tsx';
import { MyNoticesList } from './components/my-notices-list.tsx';
import { ReportEventForm } from './components/report-event-form.tsx';
import { TriggerCatalogue } from './components/trigger-catalogue.tsx';

/** `/app/report-event` (`events.report`): file a notice, and the notices I filed ("received"). */
export function ReportEventPage() {
  return (
    <div className="stack">
      <PageTitle title="Report an event" />
      <p className="lead">After an adverse event, name the staff involved so the peer support program can reach out to them.</p>
      <ReportEventForm />
      <h2>Notices you filed</h2>
      <MyNoticesList />
    </div>
  );
}

/** `/app/event-notices` (`events.manage`): every notice with its outreach progress. */
export function EventNoticesPage() {
  return (
    <div className="stack">
      <PageTitle title="Event notices" />
      <p className="lead">
        Each person named in a notice gets an outreach case; a person who already had an open case has the notice attached to it.
      </p>
      <ManagedNoticesList />
      <h2>Group debriefs</h2>
      <GroupDebriefsSection />
      <h2>Trigger catalogue</h2>
      <TriggerCatalogue />
    </div>
  );
}

/**
 * The Integrations section of Settings, `/app/settings/integrations` (`tokens.manage`): tokens for
 * the incident-reporting system. `tabs` is the Settings page's section links.
 */
export function IntegrationTokensPage({ tabs }: { tabs?: ReactNode }) {
  return (
    <div className="stack">
      <PageTitle title="Integrations" />
      {tabs}
      <p className="lead">
        An incident-reporting system can file event notices with a token. A token can do nothing else, and you can revoke it at any time.
      </p>
      <IntegrationTokens />
    </div>
  );
}
