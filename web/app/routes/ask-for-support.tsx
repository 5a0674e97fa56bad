import { Link, useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { usePublicProgram } from '../../features/support-lines/api/get-public-program.ts';
import { SelfRequestForm } from '../../features/support-requests/components/self-request-form.tsx';
import { BesideSupportLines } from '../beside-support-lines.tsx';

/**
 * The directory shows supporters' first names: only where the program offers it, and never to a
 * leadership viewer or event reporter (the server answers 404 to them whatever other roles they hold).
 */
function mayChooseSupporter(me: Me, enabled: boolean | undefined): boolean {
  return (
    Boolean(enabled) &&
    me.actions.includes('support.choose_supporter') &&
    !me.roles.some((r) => r === 'leadership_viewer' || r === 'event_reporter')
  );
}

export function AskForSupportRoute() {
  const me = useOutletContext<Me>();
  const program = usePublicProgram(me.organization.slug);
  return (
    <div className="stack">
      <PageTitle title="Ask for support" />
      <p className="lead">
        A few choices, so we can find the right colleague for you. A trained peer supporter will contact you, usually within a day.
      </p>
      <p className="request-alternatives">
        Worried about someone else? <Link to="/app/refer">Refer a colleague</Link>.
      </p>
      <BesideSupportLines lines={program.data?.supportLines}>
        <SelfRequestForm workEmail={me.person.workEmail} offerDirectory={mayChooseSupporter(me, program.data?.supporterDirectoryEnabled)} />
      </BesideSupportLines>
    </div>
  );
}
