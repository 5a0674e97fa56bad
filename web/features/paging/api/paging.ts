import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PageListSchema, PageSchema, PagingSettingsSchema, type Page, type PagingSettings } from '../../../../shared/schemas/paging.ts';
import { api } from '../../../lib/api-client.ts';

export type { Page, PagingSettings };

/** Whose pages the banner shows: a supporter their own, administrators and directors the program's. */
export type PageScope = 'supporter' | 'admin';

const pagesKey = (scope: PageScope) => ['pages', scope] as const;
const settingsKey = ['settings', 'paging'] as const;
/** A page is urgent: look again every 30 seconds while the app is open. */
const POLL_MS = 30_000;

export function useOpenPages(scope: PageScope | null) {
  return useQuery({
    queryKey: pagesKey(scope ?? 'supporter'),
    queryFn: () => api.get(`/api/${scope}/pages`, PageListSchema),
    enabled: scope !== null,
    refetchInterval: POLL_MS,
  });
}

export function useAcknowledgePage(scope: PageScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/${scope}/pages/${encodeURIComponent(id)}/ack`, undefined, PageSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pages'] }),
  });
}

export function usePagingSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api.get('/api/settings/paging', PagingSettingsSchema) });
}

export function useSavePagingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PagingSettings) => api.put('/api/settings/paging', input, PagingSettingsSchema),
    onSuccess: (data) => queryClient.setQueryData(settingsKey, data),
  });
}
