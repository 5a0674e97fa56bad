import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  SupporterProfileSchema,
  type OwnSupporterProfileInputSchema,
  type SupporterProfile,
} from '../../../../shared/schemas/supporter.ts';
import { api } from '../../../lib/api-client.ts';

export type OwnSupporterProfileInput = z.input<typeof OwnSupporterProfileInputSchema>;

export const supporterKeys = {
  own: ['supporter', 'profile'] as const,
  pool: ['supporters', 'list'] as const,
};

export const getOwnProfile = () => api.get('/api/supporter/profile', SupporterProfileSchema);
export const saveOwnProfile = (input: OwnSupporterProfileInput) => api.put('/api/supporter/profile', input, SupporterProfileSchema);

/** What a supporter may change themselves, taken from a saved profile (for "send the whole object"). */
export function ownInputFrom(profile: SupporterProfile): Required<OwnSupporterProfileInput> {
  return {
    capacity: profile.capacity,
    modalities: profile.modalities,
    experienceTags: profile.experienceTags,
    weeklyAvailability: profile.weeklyAvailability,
    awayPeriods: profile.awayPeriods,
    pausedUntil: profile.pausedUntil,
  };
}

export function useOwnSupporterProfile() {
  return useQuery({ queryKey: supporterKeys.own, queryFn: getOwnProfile });
}

/** The reply is the saved profile (with `matchable` recomputed), so it replaces the cached one. */
export function useSaveOwnProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveOwnProfile,
    onSuccess: (profile) => {
      queryClient.setQueryData(supporterKeys.own, profile);
      return queryClient.invalidateQueries({ queryKey: supporterKeys.pool });
    },
  });
}

/** "I need a cool-down": the server sets the pause from the program's cool-down days. */
export function useStartCooldown() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/supporter/profile/cool-down', undefined, SupporterProfileSchema),
    onSuccess: (saved) => queryClient.setQueryData(supporterKeys.own, saved),
  });
}
