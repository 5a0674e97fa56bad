import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { SupporterListSchema, SupporterSummarySchema, type ProgramSupporterInputSchema } from '../../../../shared/schemas/supporter.ts';
import { api } from '../../../lib/api-client.ts';
import { supporterKeys } from './supporter-profile.ts';

export type SupporterSummary = z.infer<typeof SupporterSummarySchema>;
export type ProgramSupporterInput = z.input<typeof ProgramSupporterInputSchema>;

export const getSupporterPool = () => api.get('/api/supporters', SupporterListSchema).then((list) => list.supporters);
export const updateSupporter = ({ personId, patch }: { personId: string; patch: ProgramSupporterInput }) =>
  api.patch(`/api/supporters/${encodeURIComponent(personId)}`, patch, SupporterSummarySchema);

/** The program's supporter pool (program director and administrator). */
export function useSupporterPool() {
  return useQuery({ queryKey: supporterKeys.pool, queryFn: getSupporterPool });
}

/** A director may be a supporter too, so their own profile is refreshed as well. */
export function useUpdateSupporter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSupporter,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supporterKeys.pool }),
        queryClient.invalidateQueries({ queryKey: supporterKeys.own }),
      ]),
  });
}
