import { z } from 'zod';
import { defineJob } from '../../jobs/define.ts';
import { findCase } from '../cases/index.ts';
import { findMeetingById } from './conversations.repository.ts';
import { notifyBoth } from './meeting-notifications.ts';

/** When reminders go out before a conversation (label → milliseconds before the start). */
export const REMINDER_OFFSETS: readonly (readonly [string, number])[] = [
  ['24h', 24 * 3_600_000],
  ['1h', 3_600_000],
];

/**
 * Reminds both parties of a conversation (dedupe key `meeting-reminder:<meeting>:<sequence>:<24h|1h>`).
 * Nothing is sent when the meeting was cancelled or rescheduled since (its sequence moved on).
 */
export const meetingReminderJob = defineJob({
  kind: 'meeting-reminder',
  payload: z.object({ organizationId: z.uuid(), meetingId: z.uuid(), sequence: z.number().int().min(0) }),
  transactional: true,
  async handle(ctx, payload, trx) {
    if (!trx) throw new Error('meeting-reminder runs in a transaction');
    const meeting = await findMeetingById(trx, payload.organizationId, payload.meetingId);
    if (!meeting || meeting.status !== 'scheduled' || meeting.sequence !== payload.sequence) return;
    const row = await findCase(trx, payload.organizationId, meeting.case_id);
    if (!row || row.assigned_supporter_id !== meeting.supporter_id) return;
    await notifyBoth(ctx, trx, row, meeting.supporter_id, 'reminder');
  },
});
