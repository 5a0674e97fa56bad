import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  FeedTokenSchema,
  OnCallNowSchema,
  RotaSchema,
  ScheduleSchema,
  ShiftSchema,
  SwapListSchema,
  SwapSchema,
  type RotationInput,
  type ShiftInput,
  type SwapOnBehalfInput,
  type SwapRequestInput,
} from '../../../../shared/schemas/on-call.ts';
import { api } from '../../../lib/api-client.ts';

export type { OnCallNow, Rota, RotaPerson, Schedule, ScheduleSegment, Shift, Swap } from '../../../../shared/schemas/on-call.ts';

/** Administrators read the rota under /api/on-call, supporters under /api/supporter/on-call. */
export type OnCallSide = 'manage' | 'self';
const base = (side: OnCallSide) => (side === 'manage' ? '/api/on-call' : '/api/supporter/on-call');

export const onCallKeys = {
  all: ['on-call'] as const,
  schedule: (side: OnCallSide, from: string, to: string) => ['on-call', side, 'schedule', from, to] as const,
  rota: ['on-call', 'manage', 'rota'] as const,
  swaps: ['on-call', 'self', 'swaps'] as const,
};

/** Resolved stretches over [from, to) and who is on call now; refreshed every minute. */
export function useSchedule(side: OnCallSide, from: string, to: string) {
  return useQuery({
    queryKey: onCallKeys.schedule(side, from, to),
    queryFn: ({ signal }) => api.get(`${base(side)}/schedule`, ScheduleSchema, { from, to }, signal),
    refetchInterval: 60_000,
  });
}

export function useRota() {
  return useQuery({ queryKey: onCallKeys.rota, queryFn: ({ signal }) => api.get('/api/on-call/rota', RotaSchema, undefined, signal) });
}

export function useMySwaps() {
  return useQuery({
    queryKey: onCallKeys.swaps,
    queryFn: ({ signal }) => api.get('/api/supporter/on-call/swaps', SwapListSchema, undefined, signal),
  });
}

/** Every rota change can move who is on call anywhere on the calendar: refetch the lot. */
function useOnCallMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: onCallKeys.all }) });
}

export const useSetRotation = () => useOnCallMutation((input: RotationInput) => api.put('/api/on-call/rotation', input, RotaSchema));
export const useAddShift = () => useOnCallMutation((input: ShiftInput) => api.post('/api/on-call/shifts', input, ShiftSchema));
export const useRemoveShift = () => useOnCallMutation((id: string) => api.delete(`/api/on-call/shifts/${encodeURIComponent(id)}`));
export const useSwapOnBehalf = () => useOnCallMutation((input: SwapOnBehalfInput) => api.post('/api/on-call/swaps', input, SwapSchema));
export const useTakeNow = () =>
  useOnCallMutation((hours: number) => api.post('/api/supporter/on-call/take-now', { hours }, OnCallNowSchema));
export const useRequestSwap = () =>
  useOnCallMutation((input: SwapRequestInput) => api.post('/api/supporter/on-call/swaps', input, SwapSchema));
export const useAnswerSwap = () =>
  useOnCallMutation(({ id, answer }: { id: string; answer: 'accept' | 'decline' | 'cancel' }) =>
    api.post(`/api/supporter/on-call/swaps/${encodeURIComponent(id)}/${answer}`, undefined, SwapSchema),
  );
export const useIssueFeed = () =>
  useMutation({ mutationFn: () => api.post('/api/supporter/on-call/feed-token', undefined, FeedTokenSchema) });
export const useRevokeFeed = () => useMutation({ mutationFn: () => api.delete('/api/supporter/on-call/feed-token') });
