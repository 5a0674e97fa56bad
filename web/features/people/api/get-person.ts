import { useQuery } from '@tanstack/react-query';
import { PersonDetailSchema, type PersonDetail } from '../../../../shared/schemas/person.ts';
import { api } from '../../../lib/api-client.ts';
import { peopleKeys } from './get-people.ts';

export function getPerson(id: string): Promise<PersonDetail> {
  return api.get(`/api/people/${encodeURIComponent(id)}`, PersonDetailSchema);
}

export function usePerson(id: string | null | undefined) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? ''),
    queryFn: () => getPerson(id ?? ''),
    enabled: Boolean(id),
  });
}
