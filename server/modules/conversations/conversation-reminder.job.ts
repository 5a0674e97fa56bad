import { z } from 'zod';
import { defineJob } from '../../jobs/define.ts';
import { findCase } from '../cases/index.ts';
import { findConversationById } from './conversations.repository.ts';
import { notifyBoth } from './conversation-notifications.ts';

/** When reminders go out before a conversation (label → milliseconds before the start). */
export const REMINDER_OFFSETS: readonly (readonly [string, number])[] = [
  ['24h', 24 * 3_600_000],
  ['1h', 3_600_000],
];

/**
 * Reminds both parties of a conversation (dedupe key `conversation-reminder:<conversation>:<sequence>:<24h|1h>`).
 * Nothing is sent when the conversation was cancelled or rescheduled since (its sequence moved on).
 */
export const conversationReminderJob = defineJob({
  kind: 'conversation-reminder',
  payload: z.object({ organizationId: z.uuid(), conversationId: z.uuid(), sequence: z.number().int().min(0) }),
  transactional: true,
  async handle(ctx, payload, trx) {
    if (!trx) throw new Error('conversation-reminder runs in a transaction');
    const conversation = await findConversationById(trx, payload.organizationId, payload.conversationId);
    if (!conversation || conversation.status !== 'scheduled' || conversation.sequence !== payload.sequence) return;
    const row = await findCase(trx, payload.organizationId, conversation.case_id);
    if (!row || row.assigned_supporter_id !== conversation.supporter_id) return;
    await notifyBoth(ctx, trx, row, conversation.supporter_id, 'reminder');
  },
});
