import { TZDate } from '@date-fns/tz';

/**
 * Who is on call, when: a rolling rotation of supporters, single shifts and
 * overrides, resolved like an incident pager's schedule layers — an override beats a single shift,
 * which beats the rotation. Pure: the service loads the rota's rows and asks these functions.
 * Hand-offs happen at a local wall-clock time in the rota's zone, so a weekly hand-off stays at
 * "Monday 08:00" across daylight-saving changes.
 */

export interface Rotation {
  /** Supporters in turn order; the first takes the first period from `startsOn`. */
  members: readonly string[];
  /** Local day (`YYYY-MM-DD`) of the first hand-off, at `handoffAt`. */
  startsOn: string;
  /** `HH:MM` local time of every hand-off. */
  handoffAt: string;
  /** Length of each turn in local days (7 = weekly). */
  periodDays: number;
  timeZone: string;
}

/** A single shift or an override: `personId` is on call over [startsAt, endsAt). */
export interface RotaShift {
  id: string;
  personId: string;
  startsAt: string;
  endsAt: string;
}

export interface Rota {
  rotation: Rotation | null;
  shifts: readonly RotaShift[];
  overrides: readonly RotaShift[];
}

export type OnCallSource = 'rotation' | 'shift' | 'override';

/** One stretch of the resolved schedule: who, from when to when, and which layer put them there. */
export interface OnCallSegment {
  personId: string;
  startsAt: string;
  endsAt: string;
  source: OnCallSource;
}

const DAY_MS = 86_400_000;

function parseDay(day: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a calendar day: ${day}`);
  return { y: Number(match[1]), m: Number(match[2]) - 1, d: Number(match[3]) };
}

function parseTime(hhmm: string): { h: number; min: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`not a HH:MM time: ${hhmm}`);
  return { h: Number(match[1]), min: Number(match[2]) };
}

/** Zone conversions are the slow part; hand-off instants repeat across calls, so they are memoised. */
const handoffCache = new Map<string, number>();

/** The instant of the `turn`-th hand-off (turn 0 = the first), counted in local days. */
export function handoffInstant(rotation: Rotation, turn: number): number {
  const key = `${rotation.timeZone}|${rotation.startsOn}|${rotation.handoffAt}|${rotation.periodDays}|${turn}`;
  const cached = handoffCache.get(key);
  if (cached !== undefined) return cached;
  if (handoffCache.size > 50_000) handoffCache.clear();
  const instant = computeHandoff(rotation, turn);
  handoffCache.set(key, instant);
  return instant;
}

function computeHandoff(rotation: Rotation, turn: number): number {
  const { y, m, d } = parseDay(rotation.startsOn);
  const { h, min } = parseTime(rotation.handoffAt);
  // Day arithmetic on the calendar (Date.UTC normalises overflowing days), the time in the zone.
  const local = new Date(Date.UTC(y, m, d + turn * rotation.periodDays));
  return new TZDate(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), h, min, rotation.timeZone).getTime();
}

/** Index of the turn running at `instant`, or -1 before the first hand-off. */
function turnAt(rotation: Rotation, instant: number): number {
  const first = handoffInstant(rotation, 0);
  if (instant < first) return -1;
  // An estimate from elapsed time, corrected for the hour a daylight-saving change adds or removes.
  let turn = Math.floor((instant - first) / (rotation.periodDays * DAY_MS));
  while (turn > 0 && handoffInstant(rotation, turn) > instant) turn--;
  while (handoffInstant(rotation, turn + 1) <= instant) turn++;
  return turn;
}

function assertRotation(rotation: Rotation): void {
  if (rotation.members.length === 0) throw new RangeError('a rotation needs at least one member');
  if (!Number.isInteger(rotation.periodDays) || rotation.periodDays < 1 || rotation.periodDays > 28)
    throw new RangeError('period must be 1–28 days');
}

/** The rotation's turns overlapping [from, to). */
function rotationSegments(rotation: Rotation, from: number, to: number): OnCallSegment[] {
  assertRotation(rotation);
  const segments: OnCallSegment[] = [];
  let turn = Math.max(0, turnAt(rotation, from));
  for (let start = handoffInstant(rotation, turn); start < to; turn++) {
    const end = handoffInstant(rotation, turn + 1);
    if (end > from) {
      segments.push({
        personId: rotation.members[turn % rotation.members.length] as string,
        startsAt: new Date(Math.max(start, from)).toISOString(),
        endsAt: new Date(Math.min(end, to)).toISOString(),
        source: 'rotation',
      });
    }
    start = end;
  }
  return segments;
}

function clip(shift: RotaShift, source: OnCallSource, from: number, to: number): OnCallSegment | null {
  const start = Math.max(Date.parse(shift.startsAt), from);
  const end = Math.min(Date.parse(shift.endsAt), to);
  return start < end
    ? { personId: shift.personId, startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString(), source }
    : null;
}

/** Lays `top` over `bottom`: wherever a top segment runs, the bottom one is cut away. */
function overlay(bottom: OnCallSegment[], top: OnCallSegment[]): OnCallSegment[] {
  let result = bottom;
  for (const upper of top) {
    const a = Date.parse(upper.startsAt);
    const b = Date.parse(upper.endsAt);
    const next: OnCallSegment[] = [];
    for (const lower of result) {
      const s = Date.parse(lower.startsAt);
      const e = Date.parse(lower.endsAt);
      if (e <= a || s >= b) {
        next.push(lower);
        continue;
      }
      if (s < a) next.push({ ...lower, endsAt: new Date(a).toISOString() });
      if (e > b) next.push({ ...lower, startsAt: new Date(b).toISOString() });
    }
    next.push(upper);
    result = next;
  }
  return result;
}

/**
 * The resolved schedule over [from, to), in time order, without gaps filled in: a stretch nobody
 * covers is simply absent (the urgent path then goes straight to the escalation chain). Later
 * overrides win over earlier ones where they overlap, as they were made later.
 */
export function scheduleBetween(rota: Rota, from: Date, to: Date): OnCallSegment[] {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return [];
  const base = rota.rotation ? rotationSegments(rota.rotation, a, b) : [];
  const shifts = rota.shifts.map((s) => clip(s, 'shift', a, b)).filter((s): s is OnCallSegment => s !== null);
  const overrides = rota.overrides.map((s) => clip(s, 'override', a, b)).filter((s): s is OnCallSegment => s !== null);
  return overlay(overlay(base, shifts), overrides).sort((x, y) => x.startsAt.localeCompare(y.startsAt));
}

/** The resolution at one instant: the top layer's person there, or null. */
function resolveAt(rota: Rota, instant: number): OnCallSegment | null {
  return scheduleBetween(rota, new Date(instant), new Date(instant + 1))[0] ?? null;
}

/**
 * Who is on call at `instant`, and until when the answer stays the same person; null when nobody
 * is. Only the instants where some layer changes (hand-offs, shift and override edges) are checked.
 */
export function onCallAt(rota: Rota, instant: Date): OnCallSegment | null {
  const t = instant.getTime();
  const now = resolveAt(rota, t);
  if (!now) return null;
  const edges = new Set<number>();
  for (const s of [...rota.shifts, ...rota.overrides]) {
    for (const edge of [Date.parse(s.startsAt), Date.parse(s.endsAt)]) if (edge > t) edges.add(edge);
  }
  if (rota.rotation) {
    const turn = turnAt(rota.rotation, t);
    for (let k = 1; k <= rota.rotation.members.length + 1; k++) edges.add(handoffInstant(rota.rotation, turn + k));
  }
  let end = Number.POSITIVE_INFINITY;
  for (const edge of [...edges].sort((a, b) => a - b)) {
    if (resolveAt(rota, edge)?.personId !== now.personId) {
      end = edge;
      break;
    }
  }
  // A stretch that outlasts every known edge (one member, or a shift beyond the rotation) ends at the last edge checked.
  if (end === Number.POSITIVE_INFINITY) end = Math.max(...edges, t + 1);
  return { ...now, startsAt: instant.toISOString(), endsAt: new Date(end).toISOString() };
}
