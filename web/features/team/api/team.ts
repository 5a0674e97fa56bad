import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  MyJourneySchema,
  NominationReceiptSchema,
  TeamViewSchema,
  type DirectorSupporterEventSchema,
  type OWN_SUPPORTER_EVENTS,
} from '../../../../shared/schemas/team.ts';
import { MyTrainingSchema } from '../../../../shared/schemas/training.ts';
import { api } from '../../../lib/api-client.ts';

export type DirectorEvent = z.input<typeof DirectorSupporterEventSchema>;
export type OwnEvent = (typeof OWN_SUPPORTER_EVENTS)[number];

const teamKey = ['team'] as const;
const myJourneyKey = ['team', 'me'] as const;

export function useTeam() {
  return useQuery({ queryKey: teamKey, queryFn: () => api.get('/api/team', TeamViewSchema) });
}

export function useMyJourney() {
  return useQuery({ queryKey: myJourneyKey, queryFn: () => api.get('/api/team/me', MyJourneySchema) });
}

export function useNominate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => api.post('/api/team/nominations', { email }, NominationReceiptSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKey }),
  });
}

export function useMoveMyJourney() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (type: OwnEvent) => api.post('/api/team/me/events', { type }, MyJourneySchema),
    onSuccess: (journey) => {
      queryClient.setQueryData(myJourneyKey, journey);
      void queryClient.invalidateQueries({ queryKey: teamKey });
    },
  });
}

export function useDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, event }: { personId: string; event: DirectorEvent }) =>
      api.post(`/api/team/${encodeURIComponent(personId)}/events`, event),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKey }),
  });
}

export function useMyTraining() {
  return useQuery({ queryKey: ['team', 'me', 'training'], queryFn: () => api.get('/api/training/me', MyTrainingSchema) });
}
