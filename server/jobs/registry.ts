import { sendEmailJob } from '../email/send-email.job.ts';
import { followUpReminderJob } from '../modules/casework/follow-up-reminder.job.ts';
import { offerExpiryJob } from '../modules/cases/offer-expiry.job.ts';
import { conversationReminderJob } from '../modules/conversations/conversation-reminder.job.ts';
import { firstContactBreachJob, firstContactEscalationJob } from '../modules/service-levels/first-contact-clock.job.ts';
import { pageWebhookJob } from '../modules/paging/page-sender.ts';
import { pageTimeoutJob } from '../modules/paging/paging-chain.ts';
import { caseErasureJob, retentionSweepJob } from '../modules/retention/retention.job.ts';
import { certificationReminderJob, certificationSweepJob } from '../modules/supporters/certification.job.ts';
import type { JobDefinition, JobHandlers } from './define.ts';

/** Every job kind the app runs; main.ts starts one runner over this list. Add new kinds here. */
export const appJobs: JobHandlers = [
  sendEmailJob,
  offerExpiryJob as JobDefinition<unknown>,
  followUpReminderJob as JobDefinition<unknown>,
  conversationReminderJob as JobDefinition<unknown>,
  firstContactBreachJob as JobDefinition<unknown>,
  firstContactEscalationJob as JobDefinition<unknown>,
  pageTimeoutJob as JobDefinition<unknown>,
  pageWebhookJob as JobDefinition<unknown>,
  retentionSweepJob as JobDefinition<unknown>,
  caseErasureJob as JobDefinition<unknown>,
  certificationSweepJob as JobDefinition<unknown>,
  certificationReminderJob as JobDefinition<unknown>,
];
