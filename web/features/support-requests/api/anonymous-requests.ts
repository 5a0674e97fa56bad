import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  AnonymousReceiptSchema,
  AnonymousStatusSchema,
  type AnonymousLookupSchema,
  type AnonymousRequestInputSchema,
} from '../../../../shared/schemas/case.ts';
import { api } from '../../../lib/api-client.ts';

export type AnonymousRequestInput = z.input<typeof AnonymousRequestInputSchema>;
export type AnonymousLookup = z.input<typeof AnonymousLookupSchema>;
export type AnonymousReceipt = z.infer<typeof AnonymousReceiptSchema>;
export type AnonymousStatus = z.infer<typeof AnonymousStatusSchema>;

/**
 * No sign-in and nothing cached: the code and secret are sent in the body (never in a URL, where
 * they would end up in the browser history) and the answers live only in the page's state.
 */
export const createAnonymousRequest = (input: AnonymousRequestInput) =>
  api.post('/api/public/support/requests', input, AnonymousReceiptSchema);
export const getAnonymousStatus = (lookup: AnonymousLookup) =>
  api.post('/api/public/support/requests/status', lookup, AnonymousStatusSchema);
export const withdrawAnonymousRequest = (lookup: AnonymousLookup) =>
  api.post('/api/public/support/requests/withdraw', lookup, AnonymousStatusSchema);

export const reopenAnonymousRequest = (lookup: AnonymousLookup) =>
  api.post('/api/public/support/requests/reopen', lookup, AnonymousStatusSchema);

export const useCreateAnonymousRequest = () => useMutation({ mutationFn: createAnonymousRequest });
export const useAnonymousStatus = () => useMutation({ mutationFn: getAnonymousStatus });
export const useWithdrawAnonymousRequest = () => useMutation({ mutationFn: withdrawAnonymousRequest });
export const useReopenAnonymousRequest = () => useMutation({ mutationFn: reopenAnonymousRequest });
