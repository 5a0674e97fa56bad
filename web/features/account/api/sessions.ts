import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SessionListSchema } from '../../../../shared/schemas/auth.ts';
import { api } from '../../../lib/api-client.ts';

const sessionsKey = ['me', 'sessions'] as const;

export function getSessions() {
  return api.get('/api/me/sessions', SessionListSchema);
}

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: getSessions });
}

export function endSession(id: string): Promise<undefined> {
  return api.delete(`/api/me/sessions/${encodeURIComponent(id)}`);
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
