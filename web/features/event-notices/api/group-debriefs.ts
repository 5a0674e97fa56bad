import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { GroupDebriefListSchema, GroupDebriefSchema, type GroupDebriefRequest } from '../../../../shared/schemas/group-debriefs.ts';
import { api } from '../../../lib/api-client.ts';

const keys = { of: (noticeId: string) => ['event-notices', noticeId, 'debriefs'] as const };

export function useDebriefs(noticeId: string) {
  return useQuery({
    queryKey: keys.of(noticeId),
    queryFn: () => api.get(`/api/event-notices/${noticeId}/debriefs`, GroupDebriefListSchema).then((r) => r.debriefs),
  });
}

export function useScheduleDebrief(noticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: GroupDebriefRequest) => api.post(`/api/event-notices/${noticeId}/debriefs`, input, GroupDebriefSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.of(noticeId) }),
  });
}

export function useRecordDebriefOutcome(noticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ debriefId, ...outcome }: { debriefId: string; headCount: number; minutes: number }) =>
      api.post(`/api/event-notices/${noticeId}/debriefs/${debriefId}/outcome`, outcome, GroupDebriefSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.of(noticeId) }),
  });
}

/** A change is the whole debrief again; the server tells each person what changed for them. */
export function useChangeDebrief(noticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ debriefId, ...input }: GroupDebriefRequest & { debriefId: string }) =>
      api.put(`/api/event-notices/${noticeId}/debriefs/${debriefId}`, input, GroupDebriefSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.of(noticeId) }),
  });
}

export function useCancelDebrief(noticeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (debriefId: string) =>
      api.post(`/api/event-notices/${noticeId}/debriefs/${debriefId}/cancel`, undefined, GroupDebriefSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.of(noticeId) }),
  });
}
