import type { CaseSubscriber } from '../cases/index.ts';
import { listEventExclusions } from './event-notices.repository.ts';

/** Matching never offers a case to anyone named in an event notice attached to it, nor to its reporters. */
export const eventNoticesSubscriber: CaseSubscriber = {
  matchExclusions: (db, caseId) => listEventExclusions(db, caseId),
};
