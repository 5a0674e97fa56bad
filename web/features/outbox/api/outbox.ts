import { useQuery } from '@tanstack/react-query';
import { OutboxSchema } from '../../../../shared/schemas/outbox.ts';
import { api, isApiError } from '../../../lib/api-client.ts';

export type { OutboxMessage } from '../../../../shared/schemas/outbox.ts';

const getOutbox = () => api.get('/api/outbox', OutboxSchema).then((outbox) => outbox.messages);

/**
 * The outbox exists only while no SMTP server is configured; a 404 means mail is being sent, so
 * `data` is `null` then (not an error to show) and the query is not retried.
 */
export function useOutbox() {
  return useQuery({
    queryKey: ['outbox'],
    queryFn: () =>
      getOutbox().catch((error: unknown) => {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }),
    retry: false,
  });
}
