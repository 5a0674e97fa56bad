import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SupporterDirectorySchema, type DirectorySupporter } from '../../../../shared/schemas/supporter-directory.ts';
import { api } from '../../../lib/api-client.ts';

export type { DirectorySupporter };

/** The request-form choices the matcher's hard rules depend on; the list changes with them. */
export interface DirectoryFilter {
  departmentPreference: string;
  language: string | null;
  languageRequired: boolean;
}

export const getSupporterDirectory = (filter: DirectoryFilter) =>
  api
    .get('/api/support/supporter-directory', SupporterDirectorySchema, {
      departmentPreference: filter.departmentPreference,
      language: filter.language ?? undefined,
      languageRequired: filter.language ? String(filter.languageRequired) : undefined,
    })
    .then((d) => d.supporters);

/**
 * Only asked for when the program offers the directory (the public program says so) and the person
 * may see it; the previous list stays on screen while a changed filter loads.
 */
export function useSupporterDirectory(filter: DirectoryFilter, enabled: boolean) {
  return useQuery({
    queryKey: ['support-requests', 'supporter-directory', filter],
    queryFn: () => getSupporterDirectory(filter),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
