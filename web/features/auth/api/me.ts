import { useQuery } from '@tanstack/react-query';
import { MeSchema, type Me } from '../../../../shared/schemas/auth.ts';
import { api } from '../../../lib/api-client.ts';

export const meQueryKey = ['me'] as const;

export function getMe(): Promise<Me> {
  return api.get('/api/me', MeSchema);
}

/** Who is signed in. A 401 here is how the app shell learns the session is gone. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
}
