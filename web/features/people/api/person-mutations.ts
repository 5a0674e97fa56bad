import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../../shared/permissions.ts';
import { PersonSchema, SignInLinkSentSchema, type Person, type PersonInput, type PersonPatch } from '../../../../shared/schemas/person.ts';
import { api } from '../../../lib/api-client.ts';
import { peopleKeys } from './get-people.ts';

const personPath = (id: string, rest = '') => `/api/people/${encodeURIComponent(id)}${rest}`;

export const createPerson = (input: PersonInput) => api.post('/api/people', input, PersonSchema);
export const updatePerson = ({ id, patch }: { id: string; patch: PersonPatch }) => api.patch(personPath(id), patch, PersonSchema);
export const setPersonActive = ({ id, active }: { id: string; active: boolean }) =>
  api.post(personPath(id, active ? '/reactivate' : '/deactivate'), undefined, PersonSchema);
export const setPersonRoles = ({ id, roles }: { id: string; roles: Role[] }) => api.put(personPath(id, '/roles'), { roles }, PersonSchema);
export const sendSignInLink = (id: string) => api.post(personPath(id, '/sign-in-link'), undefined, SignInLinkSentSchema);

/**
 * After any change to a person: refetch them (what the caller may change about them can change too)
 * and the lists (their order may change).
 */
function usePersonMutation<TInput>(mutationFn: (input: TInput) => Promise<Person>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (person) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: peopleKeys.detail(person.id) }),
        queryClient.invalidateQueries({ queryKey: ['people', 'list'] }),
      ]),
  });
}

export const useCreatePerson = () => usePersonMutation(createPerson);
export const useUpdatePerson = () => usePersonMutation(updatePerson);
export const useSetPersonActive = () => usePersonMutation(setPersonActive);
export const useSetPersonRoles = () => usePersonMutation(setPersonRoles);

/** The link goes to the person's work e-mail; the answer says where and until when, never the link. */
export function useSendSignInLink() {
  return useMutation({ mutationFn: sendSignInLink });
}

/** For someone who lost their phone and recovery codes: they set up a new app at their next sign-in. */
export function useResetSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(personPath(id, '/second-factor/reset')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
