import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MeSchema,
  RecoveryCodesSchema,
  SecondFactorStatusSchema,
  StepUpResultSchema,
  TotpEnrolmentSchema,
  type Me,
} from '../../../../shared/schemas/auth.ts';
import { api } from '../../../lib/api-client.ts';
import { meQueryKey } from './me.ts';

const statusKey = ['second-factor'] as const;

export function useSecondFactorStatus() {
  return useQuery({ queryKey: statusKey, queryFn: () => api.get('/api/me/second-factor', SecondFactorStatusSchema) });
}

/** The second step of sign-in; the answer is the now complete `me`. */
export function usePassSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string } | { recoveryCode: string }) => api.post('/api/auth/second-factor', input, MeSchema),
    onSuccess: (me: Me) => queryClient.setQueryData(meQueryKey, me),
  });
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: () => api.post('/api/me/second-factor/enrolment', undefined, TotpEnrolmentSchema) });
}

export function useConfirmEnrolment() {
  return useMutation({ mutationFn: (code: string) => api.post('/api/me/second-factor/enrolment/confirm', { code }, RecoveryCodesSchema) });
}

export function useNewRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/me/second-factor/recovery-codes', undefined, RecoveryCodesSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statusKey }),
  });
}

export function useRemoveSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/me/second-factor'),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: statusKey });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function stepUp(input: { password: string } | { code: string }) {
  return api.post('/api/auth/step-up', input, StepUpResultSchema);
}

export const refreshSecondFactorStatus = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: statusKey }), queryClient.invalidateQueries({ queryKey: meQueryKey })]);
