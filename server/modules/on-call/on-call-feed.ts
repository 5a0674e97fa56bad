import { createHash, createHmac, randomBytes } from 'node:crypto';
import ical from 'ical-generator';
import { scheduleBetween } from '../../../shared/on-call.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { appOrigin } from '../../email/outbox.ts';
import { assertNeutralInviteText } from '../scheduling/index.ts';
import * as repo from './on-call.repository.ts';
import { loadRotaFor } from './on-call.service.ts';

/**
 * Each supporter's own on-call stretches as an iCalendar feed their calendar app subscribes to. The
 * token in the address is the only credential, so it is long and random, stored only as a SHA-256
 * hash, shown once, and replaced (the old address stops working) or revoked on request. The feed says
 * "On call" and nothing else: no names, nothing about cases (docs/product.md, C3).
 */

export const FEED_TITLE = 'On call';
const FEED_DAYS = 56;
const DAY_MS = 86_400_000;

export const hashFeedToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const feedPath = (token: string): string => `/api/public/on-call/feed/${token}.ics`;

export async function issueFeedToken(ctx: AppContext, actor: Actor): Promise<{ url: string; path: string; createdAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const createdAt = ctx.clock.now().toISOString();
  await repo.upsertFeedToken(ctx.db, {
    person_id: actor.personId,
    organization_id: actor.organizationId,
    token_hash: hashFeedToken(token),
    created_at: createdAt,
  });
  const path = feedPath(token);
  return { url: `${appOrigin(ctx.config)}${path}`, path, createdAt };
}

export async function revokeFeedToken(ctx: AppContext, actor: Actor): Promise<void> {
  await repo.deleteFeedToken(ctx.db, actor.organizationId, actor.personId);
}

/** Joins back-to-back stretches (a rotation turn followed by an override of the same person). */
function merge(stretches: { startsAt: string; endsAt: string }[]): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const s of stretches) {
    const start = Date.parse(s.startsAt);
    const end = Date.parse(s.endsAt);
    const last = merged.at(-1);
    if (last && last.end >= start) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

async function ownStretches(db: DbOrTrx, organizationId: string, personId: string, now: Date) {
  const horizon = new Date(now.getTime() + FEED_DAYS * DAY_MS);
  // From the start of today (UTC) so a stretch running now stays in the calendar.
  const from = new Date(now.getTime() - DAY_MS);
  const rota = await loadRotaFor(db, organizationId, from, horizon);
  return merge(scheduleBetween(rota, from, horizon).filter((s) => s.personId === personId));
}

/** The feed's text for a token, or 404 (unknown, replaced or revoked token; owner no longer a supporter). */
export async function renderFeed(ctx: AppContext, token: string): Promise<string> {
  const tokenHash = hashFeedToken(token);
  const owner = await repo.findFeedOwner(ctx.db, tokenHash);
  if (!owner) throw notFound();
  const now = ctx.clock.now();
  const stretches = await ownStretches(ctx.db, owner.organization_id, owner.person_id, now);
  assertNeutralInviteText('summary', FEED_TITLE);
  const calendar = ical({ name: FEED_TITLE, prodId: { company: 'Peerline', product: 'Peerline', language: 'EN' }, ttl: 3600 });
  for (const { start, end } of stretches) {
    // Stable across refreshes for the same stretch, opaque (keyed by the token's hash, never a record id).
    const uid = createHmac('sha256', tokenHash).update(`${start}|${end}`).digest('base64url').slice(0, 32);
    calendar.createEvent({ id: `${uid}@peerline`, start: new Date(start), end: new Date(end), stamp: now, summary: FEED_TITLE });
  }
  return calendar.toString();
}
