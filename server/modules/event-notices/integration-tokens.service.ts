import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { IntegrationTokenSchema } from '../../../shared/schemas/event-notices.ts';
import { newId } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import * as repo from './event-notices.repository.ts';
import { assertRecentlyVerified } from '../../lib/step-up.ts';

/** Who called an integration route: a live token of one organisation. */
export interface IntegrationCaller {
  tokenId: string;
  organizationId: string;
}

/** Tokens carry a recognisable prefix so a leaked one is easy to spot in logs and secret scanners. */
const TOKEN_PREFIX = 'plit_';

export function hashIntegrationToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The token of an `Authorization: Bearer …` header; other schemes (a proxy's Basic auth) are not ours. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S*)\s*$/i.exec(header) : null;
  return match ? match[1] : undefined;
}

/** A live (not revoked) token, or null. Compared by hash: the secret itself is never stored. */
export async function resolveIntegrationToken(ctx: AppContext, secret: string | undefined): Promise<IntegrationCaller | null> {
  if (!secret || !secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const row = await repo.findLiveTokenByHash(ctx.db, hashIntegrationToken(secret));
  return row ? { tokenId: row.id, organizationId: row.organization_id } : null;
}

function toToken(row: repo.IntegrationTokenRow): z.infer<typeof IntegrationTokenSchema> {
  return { id: row.id, label: row.label, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

/** A token files notices for the whole organisation: creating or revoking one is a step-up change. */
export async function createIntegrationToken(ctx: AppContext, actor: Actor, label: string) {
  assertRecentlyVerified(ctx, actor);
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row: repo.IntegrationTokenRow = {
    id: newId(),
    organization_id: actor.organizationId,
    label,
    token_hash: hashIntegrationToken(secret),
    created_by_person_id: actor.personId,
    created_at: ctx.clock.now().toISOString(),
    revoked_at: null,
    last_used_at: null,
  };
  await repo.insertIntegrationToken(ctx.db, row);
  return { token: toToken(row), secret };
}

export async function listIntegrationTokens(ctx: AppContext, actor: Actor) {
  return { tokens: (await repo.listIntegrationTokens(ctx.db, actor.organizationId)).map(toToken) };
}

/** Revoking is final; revoking twice is harmless. Another organisation's token is a 404. */
export async function revokeIntegrationToken(ctx: AppContext, actor: Actor, id: string) {
  const row = await repo.findIntegrationToken(ctx.db, actor.organizationId, id);
  if (!row) throw notFound();
  if (!row.revoked_at) assertRecentlyVerified(ctx, actor);
  if (!row.revoked_at) await repo.revokeIntegrationToken(ctx.db, actor.organizationId, id, ctx.clock.now().toISOString());
  return toToken({ ...row, revoked_at: row.revoked_at ?? ctx.clock.now().toISOString() });
}
