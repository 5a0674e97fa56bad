import { useQuery } from '@tanstack/react-query';
import { SsoOptionsSchema, type SsoOptions } from '../../../../shared/schemas/sso.ts';
import { api } from '../../../lib/api-client.ts';

export function getSsoOptions(org: string | undefined): Promise<SsoOptions> {
  return api.get('/api/public/sso', SsoOptionsSchema, { org });
}

/** Whether a sign-in page shows "Sign in with …" and the password form; without `org`, the deployment's only (or default) organisation. */
export function useSsoOptions(org: string | undefined) {
  return useQuery({ queryKey: ['sso-options', org ?? null], queryFn: () => getSsoOptions(org), staleTime: 60_000 });
}
