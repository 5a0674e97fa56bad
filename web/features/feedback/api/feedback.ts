import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { FeedbackTokenStatusSchema, type FeedbackInputSchema } from '../../../../shared/schemas/casework.ts';
import { api } from '../../../lib/api-client.ts';

export type FeedbackInput = z.infer<typeof FeedbackInputSchema>;

const path = (token: string) => `/api/public/feedback/${encodeURIComponent(token)}`;

/** Whether the link can still be used; a malformed token is answered 400, which counts as "not valid". */
export function useFeedbackToken(token: string) {
  return useQuery({
    queryKey: ['feedback', token],
    queryFn: () => api.get(path(token), FeedbackTokenStatusSchema),
    retry: false,
    staleTime: Infinity,
  });
}

export function useSubmitFeedback(token: string) {
  return useMutation({ mutationFn: (input: FeedbackInput) => api.post(path(token), input) });
}
