import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { LoginInputSchema, MeSchema, type Me } from '../../../../shared/schemas/auth.ts';
import { api } from '../../../lib/api-client.ts';
import { meQueryKey } from './me.ts';

export type LoginInput = z.input<typeof LoginInputSchema>;

export function login(input: LoginInput): Promise<Me> {
  return api.post('/api/auth/login', input, MeSchema);
}

/** Signs in and primes the `me` cache, so the app shell renders without another round trip. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Whatever another account left in the cache must not show for this one.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
