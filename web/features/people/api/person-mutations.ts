import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../../shared/permissions.ts';
import { PersonSchema, type Person, type PersonInput, type PersonPatch } from '../../../../shared/schemas/person.ts';
import { api } from '../../../lib/api-client.ts';
import { peopleKeys } from './get-people.ts';

const personPath = (id: string, rest = '') => `/api/people/${encodeURIComponent(id)}${rest}`;

export const createPerson = (input: PersonInput) => api.post('/api/people', input, PersonSchema);
export const updatePerson = ({ id, patch }: { id: string; patch: PersonPatch }) => api.patch(personPath(id), patch, PersonSchema);
export const setPersonActive = ({ id, active }: { id: string; active: boolean }) =>
  api.post(personPath(id, active ? '/reactivate' : '/deactivate'), undefined, PersonSchema);
export const setPersonRoles = ({ id, roles }: { id: string; roles: Role[] }) => api.put(personPath(id, '/roles'), { roles }, PersonSchema);
export const setPersonPassword = ({ id, password }: { id: string; password: string }) => api.put(personPath(id, '/password'), { password });

/** After any change to a person: store the fresh copy and refetch lists (their order may change). */
function usePersonMutation<TInput>(mutationFn: (input: TInput) => Promise<Person>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (person) => {
      queryClient.setQueryData(peopleKeys.detail(person.id), person);
      return queryClient.invalidateQueries({ queryKey: ['people', 'list'] });
    },
  });
}

export const useCreatePerson = () => usePersonMutation(createPerson);
export const useUpdatePerson = () => usePersonMutation(updatePerson);
export const useSetPersonActive = () => usePersonMutation(setPersonActive);
export const useSetPersonRoles = () => usePersonMutation(setPersonRoles);

/** Setting a password changes `hasAccount`, so the person is refetched. */
export function useSetPersonPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setPersonPassword,
    onSuccess: (_result, { id }) => queryClient.invalidateQueries({ queryKey: peopleKeys.detail(id) }),
  });
}
