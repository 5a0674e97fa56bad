import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  CurriculumSchema,
  ScenarioSchema,
  TrainingOverviewSchema,
  TrainingSessionChangeSchema,
  TrainingSettingsInputSchema,
  type TrainingSessionChange,
  type CurriculumInputSchema,
  type ObservationInputSchema,
  type TrainingSessionInputSchema,
} from '../../../../shared/schemas/training.ts';
import { api } from '../../../lib/api-client.ts';

export type CurriculumInput = z.input<typeof CurriculumInputSchema>;
export type SessionInput = z.input<typeof TrainingSessionInputSchema>;
export type ObservationInput = z.input<typeof ObservationInputSchema>;
export type SessionChange = TrainingSessionChange;

const trainingKey = ['training'] as const;

export function useTraining() {
  return useQuery({ queryKey: trainingKey, queryFn: () => api.get('/api/training', TrainingOverviewSchema) });
}

export function useCurriculumVersion(version: number | null) {
  return useQuery({
    queryKey: ['training', 'curriculum', version],
    queryFn: () => api.get(`/api/training/curriculum/versions/${version}`, CurriculumSchema),
    enabled: version !== null,
  });
}

/** Every change refreshes the overview, and the Team page's view of who is certified. */
function useTrainingMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trainingKey });
      void queryClient.invalidateQueries({ queryKey: ['team'] });
    },
  });
}

export const useSaveCurriculum = () =>
  useTrainingMutation((input: CurriculumInput) => api.put('/api/training/curriculum', input, CurriculumSchema));
export const useSaveTrainingSettings = () =>
  useTrainingMutation((certificationMonths: number) =>
    api.put('/api/training/settings', { certificationMonths }, TrainingSettingsInputSchema),
  );
export const useAddScenario = () =>
  useTrainingMutation((input: { title: string; situation: string }) => api.post('/api/training/scenarios', input, ScenarioSchema));
export const useEditScenario = () =>
  useTrainingMutation(({ id, ...input }: { id: string; title: string; situation: string }) =>
    api.patch(`/api/training/scenarios/${encodeURIComponent(id)}`, input, ScenarioSchema),
  );
export const useCreateSession = () => useTrainingMutation((input: SessionInput) => api.post('/api/training/sessions', input));
export const useChangeSession = () =>
  useTrainingMutation(({ sessionId, input }: { sessionId: string; input: SessionInput }) =>
    api.patch(`/api/training/sessions/${encodeURIComponent(sessionId)}`, input, TrainingSessionChangeSchema),
  );
export const useInvite = () =>
  useTrainingMutation(({ sessionId, personIds }: { sessionId: string; personIds: string[] }) =>
    api.post(`/api/training/sessions/${encodeURIComponent(sessionId)}/invitations`, { personIds }),
  );
export const useCancelSession = () =>
  useTrainingMutation((sessionId: string) => api.post(`/api/training/sessions/${encodeURIComponent(sessionId)}/cancel`));
export const useRecordAttendance = () =>
  useTrainingMutation(({ sessionId, personId, moduleKeys }: { sessionId: string; personId: string; moduleKeys: string[] }) =>
    api.put(`/api/training/sessions/${encodeURIComponent(sessionId)}/attendance`, { personId, moduleKeys }),
  );
export const useRecordObservation = () => useTrainingMutation((input: ObservationInput) => api.post('/api/training/observations', input));
