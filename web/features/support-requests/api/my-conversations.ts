import { useQuery } from '@tanstack/react-query';
import { ConversationListSchema } from '../../../../shared/schemas/conversations.ts';
import { api } from '../../../lib/api-client.ts';

const requestPath = (id: string) => `/api/support/requests/${encodeURIComponent(id)}`;

/** The conversations planned on one of my requests (when, how long, how — never what about). */
export function useMyConversations(requestId: string) {
  return useQuery({
    queryKey: ['support-requests', 'mine', requestId, 'conversations'],
    queryFn: () => api.get(`${requestPath(requestId)}/conversations`, ConversationListSchema).then((list) => list.conversations),
  });
}

export const myInviteHref = (requestId: string, conversationId: string) =>
  `${requestPath(requestId)}/conversations/${encodeURIComponent(conversationId)}/invite.ics`;
