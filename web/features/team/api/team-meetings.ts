import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { MyTeamMeetingsSchema, TeamMeetingsOverviewSchema, type TeamMeetingInputSchema } from '../../../../shared/schemas/team-meetings.ts';
import { api } from '../../../lib/api-client.ts';

export type MeetingInput = z.input<typeof TeamMeetingInputSchema>;

const meetingsKey = ['team', 'meetings'] as const;

export function useTeamMeetings() {
  return useQuery({ queryKey: meetingsKey, queryFn: () => api.get('/api/team/meetings', TeamMeetingsOverviewSchema) });
}

export function useMyTeamMeetings() {
  return useQuery({ queryKey: ['team', 'me', 'meetings'], queryFn: () => api.get('/api/team/me/meetings', MyTeamMeetingsSchema) });
}

function useMeetingMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingsKey }) });
}

const meetingUrl = (id: string) => `/api/team/meetings/${encodeURIComponent(id)}`;

export const useScheduleMeeting = () => useMeetingMutation((input: MeetingInput) => api.post('/api/team/meetings', input));
export const useUpdateMeeting = () =>
  useMeetingMutation(({ id, input }: { id: string; input: MeetingInput }) => api.put(meetingUrl(id), input));
export const useCancelMeeting = () => useMeetingMutation((id: string) => api.post(`${meetingUrl(id)}/cancel`));
export const useRecordMeetingAttendance = () =>
  useMeetingMutation(({ id, personIds }: { id: string; personIds: string[] }) => api.put(`${meetingUrl(id)}/attendance`, { personIds }));
