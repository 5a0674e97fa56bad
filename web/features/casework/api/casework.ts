import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseOutcome } from '../../../../shared/schemas/case-vocabulary.ts';
import {
  CrisisProtocolSchema,
  OutreachTemplateListSchema,
  SupporterCaseDetailSchema,
  type ContactAttemptInput,
  type EncounterInput,
  type OutreachTemplateSchema,
} from '../../../../shared/schemas/casework.ts';
import {
  ConversationGuideSchema,
  ConversationListSchema,
  ConversationSchema,
  type ConversationInput,
} from '../../../../shared/schemas/conversations.ts';
import type { ResourceCategory } from '../../../../shared/schemas/resources.ts';
import { api } from '../../../lib/api-client.ts';

export type CaseDetail = z.infer<typeof SupporterCaseDetailSchema>;
export type OutreachTemplate = z.infer<typeof OutreachTemplateSchema>;
export type CrisisProtocol = z.infer<typeof CrisisProtocolSchema>;
export type Conversation = z.infer<typeof ConversationSchema>;

export const caseworkKeys = {
  detail: (id: string) => ['casework', 'case', id] as const,
  templates: ['casework', 'outreach-templates'] as const,
};

const casePath = (id: string) => `/api/supporter/cases/${encodeURIComponent(id)}`;

export const getCaseDetail = (id: string) => api.get(casePath(id), SupporterCaseDetailSchema);
export const getOutreachTemplates = () =>
  api.get('/api/supporter/outreach-templates', OutreachTemplateListSchema).then((list) => list.templates);

export function useCaseDetail(id: string) {
  return useQuery({ queryKey: caseworkKeys.detail(id), queryFn: () => getCaseDetail(id), staleTime: 0 });
}

/** Fixed texts: they change only with a release, so they are loaded once per session. */
export function useOutreachTemplates() {
  return useQuery({ queryKey: caseworkKeys.templates, queryFn: getOutreachTemplates, staleTime: Infinity });
}

/**
 * Every casework action changes the case (state, log, allowed buttons): success or a lost race
 * (409) both reload it, and the "My cases" list too, which shows its state.
 */
function useCaseAction<TInput, TResult>(id: string, mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseworkKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: ['supporter-workspace', 'cases'] }),
      ]),
  });
}

export const useLogContactAttempt = (id: string) =>
  useCaseAction(id, (input: ContactAttemptInput) => api.post(`${casePath(id)}/contact-attempts`, input));

export const useLogEncounter = (id: string) => useCaseAction(id, (input: EncounterInput) => api.post(`${casePath(id)}/encounters`, input));

export const useMarkReferralTakenUp = (id: string) =>
  useCaseAction(id, (category: ResourceCategory) => api.post(`${casePath(id)}/referrals/${encodeURIComponent(category)}/taken-up`));

export const useCloseCase = (id: string) => useCaseAction(id, (outcome: CaseOutcome) => api.post(`${casePath(id)}/close`, { outcome }));

export const useEscalateRisk = (id: string) =>
  useCaseAction(id, () => api.post(`${casePath(id)}/escalate`, undefined, CrisisProtocolSchema));

// --- the conversation guide and planned conversations -------------------------------------------

export const getConversationGuide = () => api.get('/api/supporter/conversation-guide', ConversationGuideSchema);
export const getConversations = (id: string) =>
  api.get(`${casePath(id)}/conversations`, ConversationListSchema).then((list) => list.conversations);

/** The guide changes only when the director publishes a new version. */
export function useConversationGuide() {
  return useQuery({ queryKey: ['casework', 'conversation-guide'], queryFn: getConversationGuide, staleTime: 5 * 60_000 });
}

export function useConversations(id: string) {
  return useQuery({ queryKey: ['casework', 'conversations', id], queryFn: () => getConversations(id), staleTime: 0 });
}

export function useScheduleConversation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConversationInput) => api.post(`${casePath(id)}/conversations`, input, ConversationSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['casework', 'conversations', id] }),
  });
}

export function useCancelConversation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conversationId: string) =>
      api.post(`${casePath(id)}/conversations/${encodeURIComponent(conversationId)}/cancel`, undefined, ConversationSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['casework', 'conversations', id] }),
  });
}

export const inviteHref = (id: string, conversationId: string) =>
  `${casePath(id)}/conversations/${encodeURIComponent(conversationId)}/invite.ics`;
