import { createHash } from 'node:crypto';
import type { AppContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import type { Case } from './case.ts';
import * as repo from './cases.repository.ts';

// An anonymous requester's way back to their request: the code and the secret shown once at intake.

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Finds an anonymous case by code and secret; a wrong pair looks exactly like no case. */
export async function findAnonymousCase(ctx: AppContext, code: string, secret: string): Promise<Case> {
  const row = await repo.findCaseByAnonymousCode(ctx.db, code);
  if (!row || row.anonymous_secret_hash !== hashSecret(secret)) throw notFound('No request matches this code and secret');
  return row;
}
