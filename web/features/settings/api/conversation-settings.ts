import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ConversationGuideSchema,
  ConversationSettingsSchema,
  type ConversationGuideInputSchema,
  type ConversationSettingsPatchSchema,
} from '../../../../shared/schemas/conversations.ts';
import { api } from '../../../lib/api-client.ts';

export type ConversationSettings = z.infer<typeof ConversationSettingsSchema>;
export type ConversationSettingsPatch = z.input<typeof ConversationSettingsPatchSchema>;
export type ConversationGuideInput = z.input<typeof ConversationGuideInputSchema>;

const settingsKey = ['settings', 'conversations'] as const;
const guideKey = ['settings', 'conversation-guide'] as const;
/** The supporters' copy of the guide (web/features/casework/api/casework.ts), cached for minutes. */
const supporterGuideKey = ['casework', 'conversation-guide'] as const;

export const getConversationSettings = () => api.get('/api/settings/conversations', ConversationSettingsSchema);
export const updateConversationSettings = (patch: ConversationSettingsPatch) =>
  api.patch('/api/settings/conversations', patch, ConversationSettingsSchema);
export const getConversationGuideSettings = () => api.get('/api/settings/conversation-guide', ConversationGuideSchema);
export const saveConversationGuide = (input: ConversationGuideInput) =>
  api.put('/api/settings/conversation-guide', input, ConversationGuideSchema);

export function useConversationSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: getConversationSettings });
}

export function useUpdateConversationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateConversationSettings,
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}

export function useConversationGuideSettings() {
  return useQuery({ queryKey: guideKey, queryFn: getConversationGuideSettings });
}

/** Each save is a new version; a director who also supports sees it on their cases at once. */
export function useSaveConversationGuide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveConversationGuide,
    onSuccess: (saved) => {
      queryClient.setQueryData(guideKey, saved);
      return queryClient.invalidateQueries({ queryKey: supporterGuideKey });
    },
  });
}
