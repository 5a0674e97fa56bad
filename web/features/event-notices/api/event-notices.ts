import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreatedIntegrationTokenSchema,
  EventNoticeReceiptSchema,
  EventTriggerListSchema,
  EventTriggerSchema,
  IntegrationTokenListSchema,
  IntegrationTokenSchema,
  ManagedEventNoticeListSchema,
  MyEventNoticeListSchema,
  OutreachInviteStatusSchema,
  type EventNoticeInput,
} from '../../../../shared/schemas/event-notices.ts';
import type { ReasonCategory } from '../../../../shared/schemas/case-vocabulary.ts';
import { api } from '../../../lib/api-client.ts';

export function useEventTriggers() {
  return useQuery({
    queryKey: ['event-triggers'],
    queryFn: () => api.get('/api/event-triggers', EventTriggerListSchema).then((r) => r.triggers),
    staleTime: 5 * 60_000,
  });
}

export function useAddTrigger() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { label: string; reason: ReasonCategory }) => api.post('/api/event-triggers', input, EventTriggerSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ['event-triggers'] }),
  });
}

export function useUpdateTrigger() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; active?: boolean; label?: string }) =>
      api.patch(`/api/event-triggers/${id}`, patch, EventTriggerSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ['event-triggers'] }),
  });
}

/** Filing answers with the receipt and nothing more (the firewall). */
export function useFileNotice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EventNoticeInput) => api.post('/api/event-notices', input, EventNoticeReceiptSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ['event-notices'] }),
  });
}

export function useMyNotices() {
  return useQuery({
    queryKey: ['event-notices', 'mine'],
    queryFn: () => api.get('/api/event-notices/mine', MyEventNoticeListSchema).then((r) => r.notices),
  });
}

export function useManagedNotices() {
  return useQuery({
    queryKey: ['event-notices', 'managed'],
    queryFn: () => api.get('/api/event-notices', ManagedEventNoticeListSchema).then((r) => r.notices),
  });
}

export function useIntegrationTokens() {
  return useQuery({
    queryKey: ['integration-tokens'],
    queryFn: () => api.get('/api/integrations/tokens', IntegrationTokenListSchema).then((r) => r.tokens),
  });
}

export function useCreateIntegrationToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => api.post('/api/integrations/tokens', { label }, CreatedIntegrationTokenSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ['integration-tokens'] }),
  });
}

export function useRevokeIntegrationToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/integrations/tokens/${id}/revoke`, undefined, IntegrationTokenSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ['integration-tokens'] }),
  });
}

export function useOutreachInvite(token: string) {
  return useQuery({
    queryKey: ['outreach-invite', token],
    queryFn: () => api.get(`/api/public/outreach/${encodeURIComponent(token)}`, OutreachInviteStatusSchema),
    retry: false,
  });
}

export function useDeclineOutreach(token: string) {
  return useMutation({ mutationFn: () => api.post(`/api/public/outreach/${encodeURIComponent(token)}/decline`) });
}
