import { useQuery } from '@tanstack/react-query';
import { PublicProgramSchema, type PublicProgram } from '../../../../shared/schemas/organization.ts';
import { api } from '../../../lib/api-client.ts';

/** The program's public face: organisation, program name and support lines. No sign-in needed. */
export function getPublicProgram(org: string | undefined): Promise<PublicProgram> {
  return api.get('/api/public/program', PublicProgramSchema, { org });
}

/** Without `org`, the server answers for its default organisation. */
export function usePublicProgram(org?: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['public-program', org ?? null],
    queryFn: () => getPublicProgram(org),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
