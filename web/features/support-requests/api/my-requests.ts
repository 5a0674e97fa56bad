import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { MyRequestListSchema, MyRequestSchema, type SelfRequestInputSchema } from '../../../../shared/schemas/case.ts';
import { api } from '../../../lib/api-client.ts';

export type SelfRequestInput = z.input<typeof SelfRequestInputSchema>;
export type MyRequest = z.infer<typeof MyRequestSchema>;

export const myRequestsQueryKey = ['support-requests', 'mine'] as const;

export const getMyRequests = () => api.get('/api/support/requests', MyRequestListSchema).then((list) => list.requests);
export const createSelfRequest = (input: SelfRequestInput) => api.post('/api/support/requests', input, MyRequestSchema);
export const withdrawMyRequest = (id: string) =>
  api.post(`/api/support/requests/${encodeURIComponent(id)}/withdraw`, undefined, MyRequestSchema);

export const declineMyRequest = (id: string) =>
  api.post(`/api/support/requests/${encodeURIComponent(id)}/decline`, undefined, MyRequestSchema);

export const reopenMyRequest = (id: string) =>
  api.post(`/api/support/requests/${encodeURIComponent(id)}/reopen`, undefined, MyRequestSchema);

/** My own requests, newest first as the server orders them. */
export function useMyRequests() {
  return useQuery({ queryKey: myRequestsQueryKey, queryFn: getMyRequests });
}

export function useCreateSelfRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSelfRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myRequestsQueryKey }),
  });
}

/** A withdrawal that lost a race (409) also refreshes the list, so it shows where the request stands. */
export function useWithdrawMyRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawMyRequest,
    onSettled: () => queryClient.invalidateQueries({ queryKey: myRequestsQueryKey }),
  });
}

/** "No thanks" to outreach someone else started (a colleague's referral, an event): same refresh rule. */
export function useDeclineMyRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineMyRequest,
    onSettled: () => queryClient.invalidateQueries({ queryKey: myRequestsQueryKey }),
  });
}

/** "I'd like to talk again" on a finished request: same refresh rule as withdrawing. */
export function useReopenMyRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reopenMyRequest,
    onSettled: () => queryClient.invalidateQueries({ queryKey: myRequestsQueryKey }),
  });
}
