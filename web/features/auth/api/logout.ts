import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export function logout(): Promise<undefined> {
  return api.post('/api/auth/logout');
}

/** Signs out on the server; the app shell then reloads the page so no cached data survives. */
export function useLogout() {
  return useMutation({ mutationFn: logout });
}
