import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { ReferralReceiptSchema, type ColleagueReferralInputSchema } from '../../../../shared/schemas/case.ts';
import { api } from '../../../lib/api-client.ts';

export type ColleagueReferralInput = z.input<typeof ColleagueReferralInputSchema>;

export const referColleague = (input: ColleagueReferralInput) => api.post('/api/support/referrals', input, ReferralReceiptSchema);

/** Nothing to refresh afterwards: the referrer follows nothing (the case is the colleague's). */
export function useReferColleague() {
  return useMutation({ mutationFn: referColleague });
}
