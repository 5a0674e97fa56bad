import './paging.css';
import { Link } from 'react-router';
import type { Me } from '../../../../shared/schemas/auth.ts';
import { Button } from '../../../components/ui/button.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { useAcknowledgePage, useOpenPages, type PageScope } from '../api/paging.ts';

function scopeOf(me: Me): PageScope | null {
  if (me.actions.includes('rota.self')) return 'supporter';
  if (me.actions.includes('rota.manage')) return 'admin';
  return null;
}

/**
 * The urgent path's in-app page: shown on every screen while a page is unacknowledged. It says that
 * someone needs a peer now and nothing else; acknowledging stops the escalation for everyone paged.
 */
export function UrgentPageBanner({ me }: { me: Me }) {
  const scope = scopeOf(me);
  const pages = useOpenPages(scope);
  const ack = useAcknowledgePage(scope ?? 'supporter');
  const page = pages.data?.pages[0];
  if (!scope || !page) return null;
  return (
    <div className="urgent-page" role="alert">
      <p className="urgent-page__title">Urgent: someone needs a peer now</p>
      <p>
        {page.caseCount > 1 ? `${page.caseCount} people may need support after an event. ` : ''}
        Please acknowledge so nobody else is paged, then look at{' '}
        {scope === 'supporter' ? (
          <>
            your <Link to="/app/offers">Offers</Link> and <Link to="/app/cases">My cases</Link>.
          </>
        ) : (
          <>
            the <Link to="/app/board">case board</Link>.
          </>
        )}
      </p>
      {ack.isError && <p className="field__error">{errorMessage(ack.error)}</p>}
      <Button variant="primary" isDisabled={ack.isPending} onPress={() => ack.mutate(page.id)}>
        {ack.isPending ? 'Acknowledging…' : 'Acknowledge'}
      </Button>
    </div>
  );
}
