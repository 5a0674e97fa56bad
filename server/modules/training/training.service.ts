import { localDay } from '../../../shared/calendar-day.ts';
import { TEAM_STATES, type SupporterState } from '../../../shared/supporter-lifecycle.ts';
import type {
  Curriculum,
  CurriculumInput,
  CurriculumModule,
  MyTraining,
  ObservationInput,
  Scenario,
  TrainingOverview,
  TrainingSession,
  TrainingSessionInput,
} from '../../../shared/schemas/training.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import { newId, parseJsonArray, toBool } from '../../db/values.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/index.ts';
import { findOrganization } from '../organization/index.ts';
import { findPerson } from '../people/index.ts';
import { assertNeutralInviteText, buildInvite, isNeutralInviteText, newInviteUid } from '../scheduling/index.ts';
import { findJourney, moveJourney } from '../supporters/index.ts';
import { DEFAULT_CURRICULUM, DEFAULT_SCENARIOS } from './default-curriculum.ts';
import * as repo from './training.repository.ts';

/**
 * Training the team (docs/team.md, "Training and certification"): the curriculum, sessions with
 * invitations and attendance, observed role-plays, and the rule that certifies a trainee once they
 * have attended every required module and passed a role-play.
 */

type Caller = Pick<Actor, 'organizationId' | 'personId'>;

/** Two years, as most programs certify for, unless the director chose another period. */
export const DEFAULT_CERTIFICATION_MONTHS = 24;
/** The invitee's own page: the e-mail link carries no record id (server/email/templates.ts). */
const MY_TEAM_PAGE = '/app/team/me';
/** Calendar text says what kind of meeting it is and nothing about the program (docs/product.md, C3). */
const INVITE_TITLE = 'Training session';

async function todayIn(db: DbOrTrx, organizationId: string, now: Date): Promise<string> {
  const org = await findOrganization(db, organizationId);
  return localDay(now, org?.time_zone ?? 'UTC');
}

/** `day` plus whole months; a day the target month lacks becomes its last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Curriculum, scenarios, settings

function toCurriculum(row: repo.CurriculumRow): Curriculum {
  const modules = parseJsonArray<CurriculumModule>(row.modules).sort((a, b) => a.position - b.position);
  return { version: Number(row.version), createdAt: row.created_at, modules };
}

/**
 * The current version. Version 1 (the defaults) is created on first read, and the default role-play
 * scenarios with it: only the caller that stores version 1 seeds them, so two first reads seed once.
 */
export async function currentCurriculum(ctx: AppContext, db: DbOrTrx, organizationId: string): Promise<Curriculum> {
  const found = await repo.latestCurriculum(db, organizationId);
  if (found) return toCurriculum(found);
  const at = ctx.clock.now().toISOString();
  const seeded = await repo.insertCurriculumIfNew(db, {
    id: newId(),
    organization_id: organizationId,
    version: 1,
    modules: JSON.stringify(DEFAULT_CURRICULUM),
    created_by: null,
    created_at: at,
  });
  if (seeded) {
    for (const [position, scenario] of DEFAULT_SCENARIOS.entries()) {
      await repo.insertScenario(db, {
        id: newId(),
        organization_id: organizationId,
        ...scenario,
        position,
        created_at: at,
        updated_at: at,
      });
    }
  }
  const latest = await repo.latestCurriculum(db, organizationId);
  if (!latest) throw new Error('training curriculum could not be seeded');
  return toCurriculum(latest);
}

const slug = (title: string): string =>
  title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50) || 'module';

/** Saves a new version; older versions stay, read-only. Modules keep their keys so attendance keeps counting. */
export async function saveCurriculum(ctx: AppContext, actor: Caller, input: CurriculumInput): Promise<Curriculum> {
  const given = input.modules.flatMap((m) => (m.key ? [m.key] : []));
  if (new Set(given).size !== given.length) throw invalid('body.modules', 'Two modules have the same key');
  const used = new Set(given);
  const modules: CurriculumModule[] = input.modules.map((m, position) => {
    let key = m.key;
    if (!key) {
      const base = slug(m.title);
      key = base;
      for (let n = 2; used.has(key); n += 1) key = `${base}-${n}`;
      used.add(key);
    }
    return { key, title: m.title, description: m.description, minutes: m.minutes, required: m.required, position };
  });
  if (!modules.some((m) => m.required)) throw invalid('body.modules', 'At least one module must be required');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await currentCurriculum(ctx, trx, actor.organizationId);
    const row: repo.CurriculumRow = {
      id: newId(),
      organization_id: actor.organizationId,
      version: current.version + 1,
      modules: JSON.stringify(modules),
      created_by: actor.personId,
      created_at: at,
    };
    if (!(await repo.insertCurriculumIfNew(trx, row)))
      throw new AppError('conflict', 'The curriculum was saved by someone else meanwhile; reload');
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.curriculum_saved',
      at,
      detail: String(row.version),
    });
    return toCurriculum(row);
  });
}

export async function getCurriculumVersion(ctx: AppContext, actor: Caller, version: number): Promise<Curriculum> {
  await currentCurriculum(ctx, ctx.db, actor.organizationId);
  const row = await repo.findCurriculumVersion(ctx.db, actor.organizationId, version);
  if (!row) throw notFound();
  return toCurriculum(row);
}

export async function certificationMonths(db: DbOrTrx, organizationId: string): Promise<number> {
  return (await repo.findCertificationMonths(db, organizationId)) ?? DEFAULT_CERTIFICATION_MONTHS;
}

export async function saveSettings(ctx: AppContext, actor: Caller, months: number): Promise<{ certificationMonths: number }> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveCertificationMonths(trx, actor.organizationId, months, at);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.settings_saved',
      at,
      detail: `certification_months=${months}`,
    });
  });
  return { certificationMonths: months };
}

const toScenario = (row: repo.ScenarioRow): Scenario => ({ id: row.id, title: row.title, situation: row.situation });

export async function addScenario(ctx: AppContext, actor: Caller, input: { title: string; situation: string }): Promise<Scenario> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await currentCurriculum(ctx, trx, actor.organizationId);
    const existing = await repo.listScenarios(trx, actor.organizationId);
    const row: repo.ScenarioRow = {
      id: newId(),
      organization_id: actor.organizationId,
      title: input.title,
      situation: input.situation,
      position: existing.reduce((max, s) => Math.max(max, Number(s.position)), -1) + 1,
      created_at: at,
      updated_at: at,
    };
    await repo.insertScenario(trx, row);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.scenario_added',
      subjectType: 'training_scenario',
      subjectId: row.id,
      at,
    });
    return toScenario(row);
  });
}

export async function editScenario(
  ctx: AppContext,
  actor: Caller,
  id: string,
  input: { title?: string | undefined; situation?: string | undefined },
): Promise<Scenario> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const found = await repo.findScenario(trx, actor.organizationId, id);
    if (!found) throw notFound();
    const set = {
      ...(input.title ? { title: input.title } : {}),
      ...(input.situation ? { situation: input.situation } : {}),
      updated_at: at,
    };
    await repo.updateScenario(trx, actor.organizationId, id, set);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.scenario_edited',
      subjectType: 'training_scenario',
      subjectId: id,
      at,
    });
    return toScenario({ ...found, ...set });
  });
}

// ---------------------------------------------------------------------------------------------
// Sessions, invitations, attendance

async function requirePersonOf(db: DbOrTrx, organizationId: string, personId: string, field: string) {
  const person = await findPerson(db, organizationId, personId);
  if (!person?.active) throw invalid(field, 'Not a person of this organisation');
  return person;
}

export async function createSession(ctx: AppContext, actor: Caller, input: TrainingSessionInput): Promise<{ id: string }> {
  const start = new Date(input.startsAt);
  const end = new Date(input.endsAt);
  if (!(end.getTime() > start.getTime())) throw invalid('body.endsAt', 'The session must end after it starts');
  if (end.getTime() - start.getTime() > 12 * 3_600_000) throw invalid('body.endsAt', 'A session lasts at most 12 hours');
  const place = input.place?.trim() || null;
  const videoLink = input.videoLink ?? null;
  if (input.modality === 'in_person' && !place) throw invalid('body.place', 'Say where the session takes place');
  if (input.modality === 'remote' && !videoLink) throw invalid('body.videoLink', 'Give the video link');
  // The place and link go into calendar invites: they may not say what the session is about.
  if (place && !isNeutralInviteText(place)) throw invalid('body.place', 'Calendar text may not say what the session is about');
  if (videoLink && !isNeutralInviteText(videoLink)) throw invalid('body.videoLink', 'Calendar text may not say what the session is about');
  const keys = [...new Set(input.moduleKeys)];
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await requirePersonOf(trx, actor.organizationId, input.facilitatorId, 'body.facilitatorId');
    const curriculum = await currentCurriculum(ctx, trx, actor.organizationId);
    const known = new Set(curriculum.modules.map((m) => m.key));
    if (keys.some((k) => !known.has(k))) throw invalid('body.moduleKeys', 'Not a module of the current curriculum');
    const id = newId();
    await repo.insertSession(trx, {
      id,
      organization_id: actor.organizationId,
      starts_at: start.toISOString(),
      ends_at: end.toISOString(),
      modality: input.modality,
      place: input.modality === 'in_person' ? place : null,
      video_link: input.modality === 'remote' ? videoLink : null,
      facilitator_person_id: input.facilitatorId,
      capacity: input.capacity,
      module_keys: JSON.stringify(keys),
      status: 'scheduled',
      ics_uid: newInviteUid(),
      sequence: 0,
      created_by: actor.personId,
      created_at: at,
      updated_at: at,
    });
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.session_created',
      subjectType: 'training_session',
      subjectId: id,
      at,
    });
    return { id };
  });
}

async function requireSession(db: DbOrTrx, organizationId: string, id: string) {
  const session = await repo.findSession(db, organizationId, id);
  if (!session) throw notFound();
  return session;
}

/** Invites people (trainees, or anyone for a refresher); each new invitee gets a neutral e-mail. Returns how many were new. */
export async function invite(ctx: AppContext, actor: Caller, sessionId: string, personIds: string[]): Promise<{ invited: number }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const session = await requireSession(trx, actor.organizationId, sessionId);
    if (session.status === 'cancelled') throw new AppError('conflict', 'This session was cancelled');
    const ids = [...new Set(personIds)];
    const people = [];
    for (const id of ids) people.push(await requirePersonOf(trx, actor.organizationId, id, 'body.personIds'));
    const already = await repo.listInvitations(trx, actor.organizationId, [sessionId]);
    const newcomers = people.filter((p) => !already.some((a) => a.person_id === p.id));
    if (already.length + newcomers.length > Number(session.capacity)) {
      throw invalid('body.personIds', `The session has room for ${session.capacity}`);
    }
    let invited = 0;
    for (const person of newcomers) {
      if (
        !(await repo.insertInvitationIfNew(trx, {
          session_id: sessionId,
          person_id: person.id,
          organization_id: actor.organizationId,
          invited_at: at,
        }))
      )
        continue;
      invited += 1;
      await queueEmail(trx, {
        organizationId: actor.organizationId,
        to: person.workEmail,
        template: 'session_invitation',
        link: MY_TEAM_PAGE,
        now,
      });
      await appendAuditEvent(trx, {
        organizationId: actor.organizationId,
        actorPersonId: actor.personId,
        action: 'training.invited',
        subjectType: 'training_session',
        subjectId: sessionId,
        at,
        detail: person.id,
      });
    }
    return { invited };
  });
}

/** Cancels a session; every invitee is told (a neutral e-mail) and their calendar file turns into a cancellation. */
export async function cancelSession(ctx: AppContext, actor: Caller, sessionId: string): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await requireSession(trx, actor.organizationId, sessionId);
    if (!(await repo.cancelSession(trx, actor.organizationId, sessionId, at)))
      throw new AppError('conflict', 'This session was cancelled already');
    for (const invitee of await repo.listInvitations(trx, actor.organizationId, [sessionId])) {
      if (!toBool(invitee.active)) continue;
      await queueEmail(trx, {
        organizationId: actor.organizationId,
        to: invitee.work_email,
        template: 'session_cancelled',
        link: MY_TEAM_PAGE,
        now,
      });
    }
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.session_cancelled',
      subjectType: 'training_session',
      subjectId: sessionId,
      at,
    });
  });
}

/** Records which of the session's modules an invitee attended, then applies the certification rule. */
export async function recordAttendance(
  ctx: AppContext,
  actor: Caller,
  sessionId: string,
  input: { personId: string; moduleKeys: string[] },
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const session = await requireSession(trx, actor.organizationId, sessionId);
    if (!(await repo.findInvitation(trx, actor.organizationId, sessionId, input.personId))) {
      throw invalid('body.personId', 'Not invited to this session');
    }
    const covered = new Set(parseJsonArray<string>(session.module_keys));
    const keys = [...new Set(input.moduleKeys)];
    if (keys.some((k) => !covered.has(k))) throw invalid('body.moduleKeys', 'Not a module of this session');
    if (session.status === 'cancelled') throw new AppError('conflict', 'This session was cancelled');
    await repo.replaceAttendance(trx, actor.organizationId, sessionId, input.personId, keys, actor.personId, at);
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.attendance_recorded',
      subjectType: 'supporter',
      subjectId: input.personId,
      at,
      detail: keys.join(','),
    });
    await applyCertificationRule(ctx, trx, actor.organizationId, input.personId);
  });
}

// ---------------------------------------------------------------------------------------------
// Observed role-play

export async function recordObservation(ctx: AppContext, actor: Caller, input: ObservationInput): Promise<{ id: string }> {
  const c = input.checklist;
  // A pass means the observer saw every item of the checklist; anything less is a repeat.
  if (
    input.result === 'pass' &&
    !(c.listenedWithoutJudging && c.askedCommonQuestions && c.offeredResources && c.checkedSafety && c.keptConfidentiality)
  ) {
    throw invalid('body.result', 'A pass needs every item of the checklist');
  }
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await requirePersonOf(trx, actor.organizationId, input.traineeId, 'body.traineeId');
    await requirePersonOf(trx, actor.organizationId, input.observerId, 'body.observerId');
    await currentCurriculum(ctx, trx, actor.organizationId);
    if (!(await repo.findScenario(trx, actor.organizationId, input.scenarioId)))
      throw invalid('body.scenarioId', 'Not a scenario of this program');
    const id = newId();
    await repo.insertObservation(trx, {
      id,
      organization_id: actor.organizationId,
      trainee_person_id: input.traineeId,
      scenario_id: input.scenarioId,
      observer_person_id: input.observerId,
      observed_at: new Date(input.observedAt).toISOString(),
      listened_without_judging: c.listenedWithoutJudging,
      asked_common_questions: c.askedCommonQuestions,
      offered_resources: c.offeredResources,
      checked_safety: c.checkedSafety,
      kept_confidentiality: c.keptConfidentiality,
      result: input.result,
      recorded_by: actor.personId,
      recorded_at: at,
    });
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'training.observation_recorded',
      subjectType: 'supporter',
      subjectId: input.traineeId,
      at,
      detail: input.result,
    });
    await applyCertificationRule(ctx, trx, actor.organizationId, input.traineeId);
    return { id };
  });
}

// ---------------------------------------------------------------------------------------------
// The certification rule

interface Progress {
  requiredKeys: string[];
  attendedKeys: Set<string>;
  passed: boolean;
}

/**
 * What counts towards this training: attendance and role-plays recorded since the person entered
 * training, so a refresher starts afresh rather than counting a course of years ago.
 */
function progressOf(
  curriculum: Curriculum,
  since: string,
  attendance: { module_key: string; recorded_at: string }[],
  observations: { result: string; recorded_at: string }[],
): Progress {
  return {
    requiredKeys: curriculum.modules.filter((m) => m.required).map((m) => m.key),
    attendedKeys: new Set(attendance.filter((a) => a.recorded_at >= since).map((a) => a.module_key)),
    passed: observations.some((o) => o.result === 'pass' && o.recorded_at >= since),
  };
}

const isComplete = (p: Progress) => p.passed && p.requiredKeys.every((k) => p.attendedKeys.has(k));

/**
 * Certifies a trainee, in the caller's transaction, once they are in training, have attended every
 * required module of the current curriculum (by key) and passed at least one observed role-play. The
 * certification runs for the program's period from today in the organisation's time zone.
 */
export async function applyCertificationRule(ctx: AppContext, trx: Trx, organizationId: string, personId: string): Promise<boolean> {
  const journey = await findJourney(trx, organizationId, personId);
  if (journey?.status !== 'in_training') return false;
  const curriculum = await currentCurriculum(ctx, trx, organizationId);
  const progress = progressOf(
    curriculum,
    journey.state_since ?? '',
    await repo.listAttendance(trx, organizationId, personId),
    await repo.listObservations(trx, organizationId, personId),
  );
  if (!isComplete(progress)) return false;
  const today = await todayIn(trx, organizationId, ctx.clock.now());
  const until = addMonths(today, await certificationMonths(trx, organizationId));
  await moveJourney(ctx, trx, { organizationId, personId, event: { type: 'certified', until }, actorKind: 'system', actorPersonId: null });
  return true;
}

// ---------------------------------------------------------------------------------------------
// Views

const personRef = (row: { id: string; first_name: string; last_name: string } | undefined, id: string) => ({
  personId: id,
  firstName: row?.first_name ?? '',
  lastName: row?.last_name ?? '',
});

export async function getOverview(ctx: AppContext, actor: Caller): Promise<TrainingOverview> {
  const db = ctx.db;
  const org = actor.organizationId;
  const curriculum = await currentCurriculum(ctx, db, org);
  const [versions, scenarios, sessions, invitations, attendance, observations, people, months, today] = await Promise.all([
    repo.listCurriculumVersions(db, org),
    repo.listScenarios(db, org),
    repo.listSessions(db, org),
    repo.listInvitations(db, org),
    repo.listAttendance(db, org),
    repo.listObservations(db, org),
    repo.listTrainingPeople(db, org),
    certificationMonths(db, org),
    todayIn(db, org, ctx.clock.now()),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  // Facilitators and observers may be anyone of the organisation, also outside the list above.
  const named = async (id: string) => {
    const known = byId.get(id);
    if (known) return personRef(known, id);
    const person = await findPerson(db, org, id);
    return { personId: id, firstName: person?.firstName ?? '', lastName: person?.lastName ?? '' };
  };
  const scenarioTitle = new Map(scenarios.map((s) => [s.id, s.title]));

  const sessionViews: TrainingSession[] = [];
  for (const s of sessions) {
    sessionViews.push({
      id: s.id,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      modality: s.modality,
      place: s.place,
      videoLink: s.video_link,
      facilitator: await named(s.facilitator_person_id),
      capacity: Number(s.capacity),
      moduleKeys: parseJsonArray<string>(s.module_keys),
      status: s.status,
      invitees: invitations
        .filter((i) => i.session_id === s.id)
        .map((i) => ({
          personId: i.person_id,
          firstName: i.first_name,
          lastName: i.last_name,
          attended: attendance.filter((a) => a.session_id === s.id && a.person_id === i.person_id).map((a) => a.module_key),
        })),
    });
  }

  const observationViews = [];
  for (const o of observations) {
    observationViews.push({
      id: o.id,
      trainee: await named(o.trainee_person_id),
      observer: await named(o.observer_person_id),
      scenarioTitle: scenarioTitle.get(o.scenario_id) ?? '',
      observedAt: o.observed_at,
      checklist: {
        listenedWithoutJudging: toBool(o.listened_without_judging),
        askedCommonQuestions: toBool(o.asked_common_questions),
        offeredResources: toBool(o.offered_resources),
        checkedSafety: toBool(o.checked_safety),
        keptConfidentiality: toBool(o.kept_confidentiality),
      },
      result: o.result,
    });
  }

  const trainees = people
    .filter((p) => p.status === 'in_training')
    .map((p) => {
      const progress = progressOf(
        curriculum,
        p.state_since ?? '',
        attendance.filter((a) => a.person_id === p.id),
        observations.filter((o) => o.trainee_person_id === p.id).map((o) => ({ result: o.result, recorded_at: o.recorded_at })),
      );
      return {
        ...personRef(p, p.id),
        state: 'in_training' as const,
        requiredAttended: progress.requiredKeys.filter((k) => progress.attendedKeys.has(k)).length,
        requiredTotal: progress.requiredKeys.length,
        passedRolePlay: progress.passed,
      };
    });

  const inTraining = new Set(people.filter((p) => p.status === 'in_training').map((p) => p.id));
  const onTeam = new Set(people.filter((p) => (TEAM_STATES as readonly (SupporterState | null)[]).includes(p.status)).map((p) => p.id));
  const attendedBy = (key: string, group: Set<string>) =>
    new Set(attendance.filter((a) => a.module_key === key && group.has(a.person_id)).map((a) => a.person_id)).size;

  return {
    today,
    certificationMonths: months,
    curriculum,
    versions: versions.map((v) => ({ version: Number(v.version), createdAt: v.created_at })),
    scenarios: scenarios.map(toScenario),
    sessions: sessionViews,
    observations: observationViews,
    trainees,
    coverage: curriculum.modules.map((m) => ({
      key: m.key,
      title: m.title,
      required: m.required,
      inTraining: attendedBy(m.key, inTraining),
      onTeam: attendedBy(m.key, onTeam),
    })),
    people: people.map((p) => ({ ...personRef(p, p.id), state: p.status === 'nominated' ? null : (p.status ?? null) })),
  };
}

/** A person's own training record: modules attended against the curriculum, role-play results, their sessions. */
export async function getMyTraining(ctx: AppContext, actor: Caller): Promise<MyTraining> {
  const db = ctx.db;
  const org = actor.organizationId;
  const curriculum = await currentCurriculum(ctx, db, org);
  const journey = await findJourney(db, org, actor.personId);
  const attended = new Set((await repo.listAttendance(db, org, actor.personId)).map((a) => a.module_key));
  const titles = new Map(curriculum.modules.map((m) => [m.key, m.title]));
  const now = ctx.clock.now().toISOString();
  return {
    state: journey && journey.status !== 'nominated' ? journey.status : null,
    certifiedUntil: journey?.certified_until ?? null,
    modules: curriculum.modules.map((m) => ({
      key: m.key,
      title: m.title,
      minutes: m.minutes,
      required: m.required,
      attended: attended.has(m.key),
    })),
    rolePlays: (await repo.listObservations(db, org, actor.personId)).map((o) => ({ observedAt: o.observed_at, result: o.result })),
    sessions: (await repo.sessionsInvitedTo(db, org, actor.personId))
      .filter((s) => s.ends_at >= now)
      .map((s) => ({
        id: s.id,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        modality: s.modality,
        place: s.place,
        videoLink: s.video_link,
        status: s.status,
        moduleTitles: parseJsonArray<string>(s.module_keys).map((k) => titles.get(k) ?? k),
      })),
  };
}

/** The invitee's own calendar file: a neutral title, the time, the place or link; a cancellation once cancelled. */
export async function myInvite(ctx: AppContext, actor: Caller, sessionId: string): Promise<string> {
  const session = await repo.findSession(ctx.db, actor.organizationId, sessionId);
  if (!session || !(await repo.findInvitation(ctx.db, actor.organizationId, sessionId, actor.personId))) throw notFound();
  const person = await findPerson(ctx.db, actor.organizationId, actor.personId);
  const from = (/<([^>]+)>/.exec(ctx.config.smtpFrom)?.[1] ?? ctx.config.smtpFrom).trim();
  const location = session.modality === 'remote' ? (session.video_link ?? undefined) : (session.place ?? undefined);
  assertNeutralInviteText('location', location);
  return buildInvite({
    uid: session.ics_uid,
    start: new Date(session.starts_at),
    end: new Date(session.ends_at),
    title: INVITE_TITLE,
    location,
    organizerEmail: isNeutralInviteText(from) ? from : 'no-reply@peerline.invalid',
    attendeeEmail: person && isNeutralInviteText(person.workEmail) ? person.workEmail : undefined,
    sequence: Number(session.sequence),
    cancelled: session.status === 'cancelled',
    now: ctx.clock.now(),
  });
}
