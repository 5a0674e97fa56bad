import { useMutation, useQuery } from '@tanstack/react-query';
import { SignInLinkInfoSchema } from '../../../../shared/schemas/auth.ts';
import { api } from '../../../lib/api-client.ts';

/** The token stays in the page (it came in the URL's fragment) and goes to the server only in a body. */
export function useSignInLink(token: string) {
  return useQuery({
    queryKey: ['sign-in-link', token],
    queryFn: () => api.post('/api/public/sign-in-links/check', { token }, SignInLinkInfoSchema),
    enabled: token.length > 0,
    retry: false,
    staleTime: Infinity,
  });
}

export function useRedeemSignInLink() {
  return useMutation({ mutationFn: (input: { token: string; password: string }) => api.post('/api/public/sign-in-links/redeem', input) });
}
