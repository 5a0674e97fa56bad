import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export function logout(): Promise<undefined> {
  return api.post('/api/auth/logout');
}

/** Signs out. The caller navigates away first and then clears the cache (see the app shell). */
export function useLogout() {
  return useMutation({ mutationFn: logout });
}
