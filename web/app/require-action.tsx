import type { ReactNode } from 'react';
import { useOutletContext } from 'react-router';
import type { Action } from '../../shared/permissions.ts';
import type { Me } from '../../shared/schemas/auth.ts';
import { NotFoundContent } from './routes/not-found.tsx';

/** Sections one may not use look like pages that do not exist, as the API answers 404. */
export function RequireAction({ action, children }: { action: Action; children: ReactNode }) {
  const me = useOutletContext<Me>();
  return me.actions.includes(action) ? children : <NotFoundContent />;
}
