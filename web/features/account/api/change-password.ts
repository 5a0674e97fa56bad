import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PasswordChangeSchema } from '../../../../shared/schemas/auth.ts';
import { api } from '../../../lib/api-client.ts';

export type PasswordChange = z.input<typeof PasswordChangeSchema>;

export function changePassword(input: PasswordChange): Promise<undefined> {
  return api.post('/api/me/password', input);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
