import { useQuery } from '@tanstack/react-query';
import { MeetingListSchema } from '../../../../shared/schemas/conversations.ts';
import { api } from '../../../lib/api-client.ts';

const requestPath = (id: string) => `/api/support/requests/${encodeURIComponent(id)}`;

/** The conversations planned on one of my requests (when, how long, how — never what about). */
export function useMyMeetings(requestId: string) {
  return useQuery({
    queryKey: ['support-requests', 'mine', requestId, 'meetings'],
    queryFn: () => api.get(`${requestPath(requestId)}/meetings`, MeetingListSchema).then((list) => list.meetings),
  });
}

export const myInviteHref = (requestId: string, meetingId: string) =>
  `${requestPath(requestId)}/meetings/${encodeURIComponent(meetingId)}/invite.ics`;
