import { z } from 'zod';

/**
 * The e-mail outbox as administrators read it while no SMTP server is configured (docs/product.md,
 * How it runs):
 * each message exactly as it would be sent. Messages are content-free by construction (fixed
 * templates, a neutral link), so this shows who was told to look at Peerline, and when — what the
 * case board already shows its readers.
 */
export const OutboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  template: z.string(),
  status: z.enum(['queued', 'held', 'sent']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

export const OutboxSchema = z.object({ messages: z.array(OutboxMessageSchema) });
