import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { PeoplePageSchema, type PeopleQuerySchema } from '../../../../shared/schemas/person.ts';
import { api } from '../../../lib/api-client.ts';

export type PeopleQuery = Partial<z.infer<typeof PeopleQuerySchema>>;
export type PeoplePage = z.infer<typeof PeoplePageSchema>;

export const peopleKeys = {
  all: ['people'] as const,
  list: (query: PeopleQuery) => ['people', 'list', query] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
};

export function getPeople(query: PeopleQuery, signal?: AbortSignal): Promise<PeoplePage> {
  return api.get('/api/people', PeoplePageSchema, query, signal);
}

/** One page of the directory. The previous page stays on screen while the next one loads. */
export function usePeople(query: PeopleQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: ({ signal }) => getPeople(query, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
