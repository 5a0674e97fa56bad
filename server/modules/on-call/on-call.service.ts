import { onCallAt, scheduleBetween, type OnCallSegment, type Rota as RotaLayers, type RotaShift } from '../../../shared/on-call.ts';
import { localDay } from '../../../shared/calendar-day.ts';
import type {
  OnCallNow,
  Rota,
  RotationInput,
  Schedule,
  ScheduleQuery,
  Shift,
  ShiftInput,
  Swap,
  SwapOnBehalfInput,
  SwapRequestInput,
  TakeNowInput,
} from '../../../shared/schemas/on-call.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { OnCallShiftsTable, OnCallSwapsTable } from '../../db/schema-on-call.ts';
import { newId, parseJsonArray } from '../../db/values.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { findOrganization } from '../organization/index.ts';
import * as repo from './on-call.repository.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** How far ahead "until when" and "next in line" look. */
const LOOKAHEAD_MS = 14 * DAY_MS;
/** Accepted, declined and cancelled swaps stay listed this long. */
const SWAP_HISTORY_MS = 30 * DAY_MS;

async function timeZoneOf(db: DbOrTrx, organizationId: string): Promise<string> {
  return (await findOrganization(db, organizationId))?.time_zone ?? 'UTC';
}

/** The rota's layers as the pure resolver wants them, for the shifts overlapping [from, to). */
async function loadRota(db: DbOrTrx, organizationId: string, timeZone: string, from: Date, to: Date): Promise<RotaLayers> {
  const [rotation, rows] = await Promise.all([
    repo.findRotation(db, organizationId),
    repo.listShiftsBetween(db, organizationId, from.toISOString(), to.toISOString()),
  ]);
  const toShift = (r: OnCallShiftsTable): RotaShift => ({ id: r.id, personId: r.person_id, startsAt: r.starts_at, endsAt: r.ends_at });
  return {
    rotation: rotation
      ? {
          members: parseJsonArray<string>(rotation.members),
          startsOn: rotation.starts_on,
          handoffAt: rotation.handoff_at,
          periodDays: rotation.period_days,
          timeZone,
        }
      : null,
    shifts: rows.filter((r) => r.kind === 'shift').map(toShift),
    overrides: rows.filter((r) => r.kind === 'override').map(toShift),
  };
}

/** The rota's layers over [from, to) in the organisation's time zone (for the calendar feed). */
export async function loadRotaFor(db: DbOrTrx, organizationId: string, from: Date, to: Date): Promise<RotaLayers> {
  return loadRota(db, organizationId, await timeZoneOf(db, organizationId), from, to);
}

export interface OnCallAnswer {
  /** Null when nobody covers this instant. */
  personId: string | null;
  until: string | null;
  source: OnCallSegment['source'] | null;
  /** The next people in line over the coming two weeks, in order, without the current one. */
  next: { personId: string; startsAt: string }[];
}

/**
 * Who is on call at `at` and until when, plus who comes next: what the urgent path
 * (server/modules/paging) pages and escalates through. One read of the rotation and of the shifts
 * of the next two weeks.
 */
export async function whoIsOnCall(db: DbOrTrx, organizationId: string, at: Date, timeZone?: string): Promise<OnCallAnswer> {
  const zone = timeZone ?? (await timeZoneOf(db, organizationId));
  const horizon = new Date(at.getTime() + LOOKAHEAD_MS);
  const [rota, eligibleRows] = await Promise.all([
    loadRota(db, organizationId, zone, at, horizon),
    repo.listEligibleSupporters(db, organizationId, localDay(at, zone)),
  ]);
  // Someone whose certification ran out before the expiry job took them off the rota, or who
  // lost the role, is never paged: their time counts as uncovered and the page escalates.
  const eligible = new Set(eligibleRows.map((r) => r.id));
  const current = onCallAt(rota, at);
  const now = current && eligible.has(current.personId) ? current : null;
  const next: OnCallAnswer['next'] = [];
  for (const segment of scheduleBetween(rota, at, horizon)) {
    if (!eligible.has(segment.personId)) continue;
    if (segment.personId === now?.personId || next.some((n) => n.personId === segment.personId)) continue;
    next.push({ personId: segment.personId, startsAt: segment.startsAt });
    if (next.length === 3) break;
  }
  return { personId: now?.personId ?? null, until: now?.endsAt ?? null, source: now?.source ?? null, next };
}

type Names = Map<string, repo.RotaPersonRow>;
const UNKNOWN = { first_name: '', last_name: '' };
const personOf = (names: Names, id: string) => {
  const row = names.get(id) ?? UNKNOWN;
  return { id, firstName: row.first_name, lastName: row.last_name };
};

async function describeNow(db: DbOrTrx, organizationId: string, answer: OnCallAnswer): Promise<OnCallNow> {
  const names = await repo.namesOf(db, organizationId, [
    ...(answer.personId ? [answer.personId] : []),
    ...answer.next.map((n) => n.personId),
  ]);
  return {
    person: answer.personId ? personOf(names, answer.personId) : null,
    until: answer.until,
    source: answer.source,
    next: answer.next.map((n) => ({ person: personOf(names, n.personId), startsAt: n.startsAt })),
  };
}

export async function getNow(ctx: AppContext, actor: Actor): Promise<OnCallNow> {
  return describeNow(ctx.db, actor.organizationId, await whoIsOnCall(ctx.db, actor.organizationId, ctx.clock.now()));
}

/** The resolved stretches over [from, to) for a calendar view, with who is on call now. */
export async function getSchedule(ctx: AppContext, actor: Actor, query: ScheduleQuery): Promise<Schedule> {
  const db = ctx.db;
  const org = actor.organizationId;
  const timeZone = await timeZoneOf(db, org);
  const from = new Date(query.from);
  const to = new Date(query.to);
  const now = ctx.clock.now();
  const [rota, answer, colleagues] = await Promise.all([
    loadRota(db, org, timeZone, from, to),
    whoIsOnCall(db, org, now, timeZone),
    repo.listEligibleSupporters(db, org, localDay(now, timeZone)),
  ]);
  const segments = scheduleBetween(rota, from, to);
  const names = await repo.namesOf(
    db,
    org,
    segments.map((s) => s.personId),
  );
  return {
    timeZone,
    from: from.toISOString(),
    to: to.toISOString(),
    now: await describeNow(db, org, answer),
    segments: segments.map((s) => ({ person: personOf(names, s.personId), startsAt: s.startsAt, endsAt: s.endsAt, source: s.source })),
    colleagues: colleagues.map((c) => ({ id: c.id, firstName: c.first_name, lastName: c.last_name })),
  };
}

function toSwap(names: Names, row: OnCallSwapsTable): Swap {
  return {
    id: row.id,
    from: personOf(names, row.from_person_id),
    to: personOf(names, row.to_person_id),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status,
    madeOnBehalf: row.created_by !== null && row.created_by !== row.from_person_id,
    createdAt: row.created_at,
  };
}

async function swapsOf(db: DbOrTrx, organizationId: string, now: Date, personId?: string): Promise<Swap[]> {
  const rows = await repo.listSwaps(db, organizationId, new Date(now.getTime() - SWAP_HISTORY_MS).toISOString(), personId);
  const names = await repo.namesOf(
    db,
    organizationId,
    rows.flatMap((r) => [r.from_person_id, r.to_person_id]),
  );
  return rows.map((r) => toSwap(names, r));
}

/** The administrator's page: the rotation, shifts and overrides not yet over, recent swaps. */
export async function getRota(ctx: AppContext, actor: Actor): Promise<Rota> {
  const db = ctx.db;
  const org = actor.organizationId;
  const now = ctx.clock.now();
  const [timeZone, rotation, shifts, swaps] = await Promise.all([
    timeZoneOf(db, org),
    repo.findRotation(db, org),
    repo.listUpcomingShifts(db, org, now.toISOString(), 500),
    swapsOf(db, org, now),
  ]);
  const members = rotation ? parseJsonArray<string>(rotation.members) : [];
  const names = await repo.namesOf(db, org, [...members, ...shifts.map((s) => s.person_id)]);
  return {
    timeZone,
    rotation: rotation
      ? {
          members: members.map((id) => personOf(names, id)),
          startsOn: rotation.starts_on,
          handoffAt: rotation.handoff_at,
          periodDays: rotation.period_days,
          timeZone,
          updatedAt: rotation.updated_at,
        }
      : null,
    shifts: shifts.map((s) => toShift(names, s)),
    swaps,
  };
}

function toShift(names: Names, row: OnCallShiftsTable): Shift {
  return {
    id: row.id,
    person: personOf(names, row.person_id),
    kind: row.kind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdAt: row.created_at,
  };
}

const NOT_ELIGIBLE = 'Not a certified, active peer supporter of this program';

/** Refuses (400 naming `field`) anyone who is not a certified, active supporter of the organisation today. */
async function requireEligible(
  db: DbOrTrx,
  organizationId: string,
  timeZone: string,
  now: Date,
  ids: readonly string[],
  field: (index: number) => string,
): Promise<void> {
  const eligible = new Set((await repo.listEligibleSupporters(db, organizationId, localDay(now, timeZone), ids)).map((r) => r.id));
  const bad = ids.map((id, index) => ({ id, index })).filter((x) => !eligible.has(x.id));
  if (bad.length > 0)
    throw new AppError(
      'validation_failed',
      'Some fields are not valid',
      bad.map((b) => ({ path: field(b.index), message: NOT_ELIGIBLE })),
    );
}

function audit(db: DbOrTrx, actor: Actor, action: string, subjectType: string, subjectId: string, at: Date, origin: RequestOrigin) {
  return appendAuditEvent(db, {
    organizationId: actor.organizationId,
    actorPersonId: actor.personId,
    action,
    subjectType,
    subjectId,
    at: at.toISOString(),
    ip: origin.ip,
  });
}

export async function setRotation(ctx: AppContext, actor: Actor, input: RotationInput, origin: RequestOrigin): Promise<Rota> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const timeZone = await timeZoneOf(trx, actor.organizationId);
    await requireEligible(trx, actor.organizationId, timeZone, now, input.members, (i) => `body.members.${i}`);
    await repo.upsertRotation(trx, {
      organization_id: actor.organizationId,
      members: JSON.stringify(input.members),
      starts_on: input.startsOn,
      handoff_at: input.handoffAt,
      period_days: input.periodDays,
      updated_by: actor.personId,
      updated_at: now.toISOString(),
    });
    await audit(trx, actor, 'on_call.rotation_set', 'organization', actor.organizationId, now, origin);
  });
  return getRota(ctx, actor);
}

async function insertShiftRow(
  db: DbOrTrx,
  organizationId: string,
  personId: string,
  kind: 'shift' | 'override',
  startsAt: string,
  endsAt: string,
  createdBy: string,
  now: Date,
): Promise<OnCallShiftsTable> {
  const row: OnCallShiftsTable = {
    id: newId(),
    organization_id: organizationId,
    person_id: personId,
    kind,
    starts_at: new Date(startsAt).toISOString(),
    ends_at: new Date(endsAt).toISOString(),
    created_by: createdBy,
    created_at: now.toISOString(),
  };
  await repo.insertShift(db, row);
  return row;
}

export async function addShift(ctx: AppContext, actor: Actor, input: ShiftInput, origin: RequestOrigin): Promise<Shift> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await requireEligible(
      trx,
      actor.organizationId,
      await timeZoneOf(trx, actor.organizationId),
      now,
      [input.personId],
      () => 'body.personId',
    );
    const row = await insertShiftRow(
      trx,
      actor.organizationId,
      input.personId,
      input.kind,
      input.startsAt,
      input.endsAt,
      actor.personId,
      now,
    );
    await audit(
      trx,
      actor,
      input.kind === 'shift' ? 'on_call.shift_added' : 'on_call.override_added',
      'on_call_shift',
      row.id,
      now,
      origin,
    );
    return toShift(await repo.namesOf(trx, actor.organizationId, [row.person_id]), row);
  });
}

export async function removeShift(ctx: AppContext, actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteShift(trx, actor.organizationId, id))) throw notFound();
    await audit(trx, actor, 'on_call.shift_removed', 'on_call_shift', id, now, origin);
  });
}

/** "Take this shift now": the supporter covers from now for `hours`, as an override. */
export async function takeNow(ctx: AppContext, actor: Actor, input: TakeNowInput): Promise<OnCallNow> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await requireEligible(
      trx,
      actor.organizationId,
      await timeZoneOf(trx, actor.organizationId),
      now,
      [actor.personId],
      () => 'body.hours',
    );
    await insertShiftRow(
      trx,
      actor.organizationId,
      actor.personId,
      'override',
      now.toISOString(),
      new Date(now.getTime() + input.hours * HOUR_MS).toISOString(),
      actor.personId,
      now,
    );
  });
  return getNow(ctx, actor);
}

/** Whether `personId` is on call for every moment of [start, end). */
async function coversWholeSpan(
  db: DbOrTrx,
  organizationId: string,
  timeZone: string,
  personId: string,
  start: Date,
  end: Date,
): Promise<boolean> {
  const rota = await loadRota(db, organizationId, timeZone, start, end);
  const covered = scheduleBetween(rota, start, end)
    .filter((s) => s.personId === personId)
    .reduce((sum, s) => sum + (Date.parse(s.endsAt) - Date.parse(s.startsAt)), 0);
  return covered === end.getTime() - start.getTime();
}

interface SwapSpan {
  fromPersonId: string;
  toPersonId: string;
  startsAt: string;
  endsAt: string;
}

/** The rules every swap obeys, whoever makes it; errors name the request's own fields. */
async function checkSwap(
  db: DbOrTrx,
  organizationId: string,
  now: Date,
  span: SwapSpan,
  fields: { from: string; to: string },
): Promise<void> {
  const timeZone = await timeZoneOf(db, organizationId);
  if (span.toPersonId === span.fromPersonId) throw invalid(fields.to, 'Ask someone else to take this time');
  if (Date.parse(span.endsAt) <= now.getTime()) throw invalid('body.endsAt', 'This time is already over');
  await requireEligible(db, organizationId, timeZone, now, [span.toPersonId], () => fields.to);
  if (!(await coversWholeSpan(db, organizationId, timeZone, span.fromPersonId, new Date(span.startsAt), new Date(span.endsAt)))) {
    throw invalid('body.startsAt', 'Only time the supporter is on call for can be swapped; pick a stretch from the schedule');
  }
}

/** A supporter asks a colleague to take a stretch of their own on-call time (pending until answered). */
export async function requestSwap(ctx: AppContext, actor: Actor, input: SwapRequestInput): Promise<Swap> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const span = {
      fromPersonId: actor.personId,
      toPersonId: input.toPersonId,
      startsAt: new Date(input.startsAt).toISOString(),
      endsAt: new Date(input.endsAt).toISOString(),
    };
    await checkSwap(trx, actor.organizationId, now, span, { from: 'body.fromPersonId', to: 'body.toPersonId' });
    const row: OnCallSwapsTable = {
      id: newId(),
      organization_id: actor.organizationId,
      from_person_id: span.fromPersonId,
      to_person_id: span.toPersonId,
      starts_at: span.startsAt,
      ends_at: span.endsAt,
      status: 'pending',
      created_by: actor.personId,
      created_at: now.toISOString(),
      decided_at: null,
      override_id: null,
    };
    await repo.insertSwap(trx, row);
    return toSwap(await repo.namesOf(trx, actor.organizationId, [row.from_person_id, row.to_person_id]), row);
  });
}

export async function listMySwaps(ctx: AppContext, actor: Actor): Promise<Swap[]> {
  return swapsOf(ctx.db, actor.organizationId, ctx.clock.now(), actor.personId);
}

const SWAP_CHANGED = 'This swap has already been answered or withdrawn';

/**
 * The asked colleague answers. Accepting creates an override for them over the stretch, in the same
 * transaction as the decision; a swap is answered once (compare-and-set).
 */
export async function answerSwap(ctx: AppContext, actor: Actor, id: string, answer: 'accept' | 'decline' | 'cancel'): Promise<Swap> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findSwap(trx, actor.organizationId, id);
    // Only the two people concerned learn that a swap exists; the answerer must be the right one of them.
    const mine = answer === 'cancel' ? row?.from_person_id === actor.personId : row?.to_person_id === actor.personId;
    if (!row || !mine) throw notFound();
    if (row.status !== 'pending') throw new AppError('conflict', SWAP_CHANGED);
    let overrideId: string | null = null;
    if (answer === 'accept') {
      if (Date.parse(row.ends_at) <= now.getTime()) throw new AppError('conflict', 'This time is already over');
      const today = localDay(now, await timeZoneOf(trx, actor.organizationId));
      if ((await repo.listEligibleSupporters(trx, actor.organizationId, today, [actor.personId])).length === 0) {
        throw new AppError('conflict', 'Only a certified, active supporter can take on-call time');
      }
      const start = new Date(Math.max(Date.parse(row.starts_at), now.getTime())).toISOString();
      overrideId = (await insertShiftRow(trx, actor.organizationId, actor.personId, 'override', start, row.ends_at, actor.personId, now))
        .id;
    }
    const status = answer === 'accept' ? 'accepted' : answer === 'decline' ? 'declined' : 'cancelled';
    if (!(await repo.decideSwap(trx, actor.organizationId, id, { status, decided_at: now.toISOString(), override_id: overrideId }))) {
      throw new AppError('conflict', SWAP_CHANGED);
    }
    return toSwap(await repo.namesOf(trx, actor.organizationId, [row.from_person_id, row.to_person_id]), {
      ...row,
      status,
      decided_at: now.toISOString(),
      override_id: overrideId,
    });
  });
}

/** An administrator moves a stretch from one supporter to another: accepted at once, audited. */
export async function swapOnBehalf(ctx: AppContext, actor: Actor, input: SwapOnBehalfInput, origin: RequestOrigin): Promise<Swap> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const span = {
      fromPersonId: input.fromPersonId,
      toPersonId: input.toPersonId,
      startsAt: new Date(input.startsAt).toISOString(),
      endsAt: new Date(input.endsAt).toISOString(),
    };
    if ((await repo.namesOf(trx, actor.organizationId, [span.fromPersonId])).size === 0)
      throw invalid('body.fromPersonId', 'Not a person of this program');
    await checkSwap(trx, actor.organizationId, now, span, { from: 'body.fromPersonId', to: 'body.toPersonId' });
    const start = new Date(Math.max(Date.parse(span.startsAt), now.getTime())).toISOString();
    const override = await insertShiftRow(trx, actor.organizationId, span.toPersonId, 'override', start, span.endsAt, actor.personId, now);
    const row: OnCallSwapsTable = {
      id: newId(),
      organization_id: actor.organizationId,
      from_person_id: span.fromPersonId,
      to_person_id: span.toPersonId,
      starts_at: span.startsAt,
      ends_at: span.endsAt,
      status: 'accepted',
      created_by: actor.personId,
      created_at: now.toISOString(),
      decided_at: now.toISOString(),
      override_id: override.id,
    };
    await repo.insertSwap(trx, row);
    await audit(trx, actor, 'on_call.swap_made_on_behalf', 'on_call_swap', row.id, now, origin);
    return toSwap(await repo.namesOf(trx, actor.organizationId, [row.from_person_id, row.to_person_id]), row);
  });
}
