import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  AuditPageSchema,
  CaseBoardEntrySchema,
  CaseBoardSchema,
  CaseContactSchema,
  CaseSuggestionsSchema,
  type AssignInput,
  type CaseBoardQuery,
  type SuggestionSchema,
  type AuditEntrySchema,
} from '../../../../shared/schemas/case-board.ts';
import { api } from '../../../lib/api-client.ts';

export type BoardEntry = z.infer<typeof CaseBoardEntrySchema>;
export type CaseSuggestions = z.infer<typeof CaseSuggestionsSchema>;
export type Suggestion = z.infer<typeof SuggestionSchema>;
export type CaseContact = z.infer<typeof CaseContactSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type { CaseBoardQuery };

/** What the audit page sends; dates are ISO date-times. */
export interface AuditQuery {
  caseId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export const caseBoardKeys = {
  all: ['case-board'] as const,
  list: (query: CaseBoardQuery) => ['case-board', 'list', query] as const,
  suggestions: (id: string) => ['case-board', 'suggestions', id] as const,
  audit: (query: AuditQuery) => ['audit', query] as const,
};

export const getCaseBoard = async (query: CaseBoardQuery, signal?: AbortSignal): Promise<BoardEntry[]> =>
  (await api.get('/api/cases', CaseBoardSchema, { ...query }, signal)).cases;

/** Open cases (or one state) with their clocks and supporters; never who asked. */
export function useCaseBoard(query: CaseBoardQuery) {
  return useQuery({
    queryKey: caseBoardKeys.list(query),
    queryFn: ({ signal }) => getCaseBoard(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** The matcher's best candidate and alternates for one case. */
export function useCaseSuggestions(id: string) {
  return useQuery({
    queryKey: caseBoardKeys.suggestions(id),
    queryFn: ({ signal }) => api.get(`/api/cases/${encodeURIComponent(id)}/suggestions`, CaseSuggestionsSchema, undefined, signal),
  });
}

/**
 * The requester's first name and contact. Every read is written to the audit log, so it is fetched
 * only when someone presses "Show contact details", and never cached or refetched behind their back.
 */
export function useRevealContact() {
  return useMutation({
    mutationFn: (id: string) => api.get(`/api/cases/${encodeURIComponent(id)}/contact`, CaseContactSchema),
  });
}

export function useAssignCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignInput) => api.post(`/api/cases/${encodeURIComponent(id)}/assign`, input, CaseBoardEntrySchema),
    // Success or conflict, the board and the suggestions must show where the case stands now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseBoardKeys.all }),
  });
}

/** One page of the audit log, newest first (director only). */
export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: caseBoardKeys.audit(query),
    queryFn: async ({ signal }): Promise<AuditEntry[]> => (await api.get('/api/audit', AuditPageSchema, { ...query }, signal)).entries,
    placeholderData: keepPreviousData,
  });
}
