import type { CaseSubscriber } from '../cases/index.ts';
import { cancelScheduledConversationsOfCase } from './conversations.repository.ts';

/**
 * A finished case has no conversations ahead: whatever was still planned is cancelled (and its
 * reminders, which check the conversation's status, never go out).
 */
export const conversationsSubscriber: CaseSubscriber = {
  finished: async (ctx, trx, row) => {
    await cancelScheduledConversationsOfCase(trx, row.id, ctx.clock.now().toISOString());
  },
};
