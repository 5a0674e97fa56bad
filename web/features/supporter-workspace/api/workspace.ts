import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { OfferDeclineReason } from '../../../../shared/schemas/case-vocabulary.ts';
import { OfferListSchema, OfferSchema, SupporterCaseListSchema, SupporterCaseSchema } from '../../../../shared/schemas/case.ts';
import { api } from '../../../lib/api-client.ts';

export type Offer = z.infer<typeof OfferSchema>;
export type SupporterCase = z.infer<typeof SupporterCaseSchema>;

export const workspaceKeys = {
  offers: ['supporter-workspace', 'offers'] as const,
  cases: ['supporter-workspace', 'cases'] as const,
};

const AcceptedSchema = z.object({ caseId: z.string() });

export const getOffers = () => api.get('/api/supporter/offers', OfferListSchema).then((list) => list.offers);
export const getCases = () => api.get('/api/supporter/cases', SupporterCaseListSchema).then((list) => list.cases);
export const acceptOffer = (id: string) => api.post(`/api/supporter/offers/${encodeURIComponent(id)}/accept`, undefined, AcceptedSchema);
export const declineOffer = ({ id, reason }: { id: string; reason: OfferDeclineReason }) =>
  api.post(`/api/supporter/offers/${encodeURIComponent(id)}/decline`, { reason });

/** Offers expire, and new ones arrive, while the page is open: check again every minute. */
export function useOffers() {
  return useQuery({ queryKey: workspaceKeys.offers, queryFn: getOffers, staleTime: 0, refetchInterval: 60_000 });
}

export function useSupporterCases() {
  return useQuery({ queryKey: workspaceKeys.cases, queryFn: getCases, staleTime: 0 });
}

/** Success or a lost race (409): either way the offers and cases on screen are refreshed. */
function useOfferAnswer<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: workspaceKeys.offers }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.cases }),
      ]),
  });
}

export const useAcceptOffer = () => useOfferAnswer(acceptOffer);
export const useDeclineOffer = () => useOfferAnswer(declineOffer);
