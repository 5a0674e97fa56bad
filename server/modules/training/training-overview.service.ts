import { localDay } from '../../../shared/calendar-day.ts';
import { TEAM_STATES, type SupporterState } from '../../../shared/supporter-lifecycle.ts';
import type { CurriculumModule, MyTraining, TrainingOverview, TrainingSession } from '../../../shared/schemas/training.ts';
import { parseJsonArray, toBool } from '../../db/values.ts';
import type { AppContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { findPerson } from '../people/index.ts';
import { assertNeutralInviteText, buildInvite, inviteOrganizer, isNeutralInviteText } from '../scheduling/index.ts';
import { findJourney } from '../supporters/index.ts';
import * as repo from './training.repository.ts';
import { type Caller, INVITE_TITLE, timeZoneOf } from './training-common.ts';
import { certificationMonths, currentCurriculum, toScenario } from './curriculum.service.ts';
import { progressOf } from './certification-rule.ts';

/** What the Training page and a person's own record show: progress, coverage, sessions, role-plays (docs/team.md). */

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
  const [versions, scenarios, sessions, invitations, attendance, observations, people, months, timeZone] = await Promise.all([
    repo.listCurriculumVersions(db, org),
    repo.listScenarios(db, org),
    repo.listSessions(db, org),
    repo.listInvitations(db, org),
    repo.listAttendance(db, org),
    repo.listObservations(db, org),
    repo.listTrainingPeople(db, org),
    certificationMonths(db, org),
    timeZoneOf(db, org),
  ]);
  const today = localDay(ctx.clock.now(), timeZone);
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
    timeZone,
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
  const observations = await repo.listObservations(db, org, actor.personId);
  const titles = new Map(curriculum.modules.map((m) => [m.key, m.title]));
  const now = ctx.clock.now().toISOString();
  // Against every version: a course finished before the curriculum gained a module is still a course.
  const courseOnRecord =
    observations.some((o) => o.result === 'pass') &&
    (await repo.listCurricula(db, org)).some((version) =>
      parseJsonArray<CurriculumModule>(version.modules).every((m) => !m.required || attended.has(m.key)),
    );
  return {
    state: journey && journey.status !== 'nominated' ? journey.status : null,
    certifiedUntil: journey?.certified_until ?? null,
    courseOnRecord,
    timeZone: await timeZoneOf(db, org),
    modules: curriculum.modules.map((m) => ({
      key: m.key,
      title: m.title,
      minutes: m.minutes,
      required: m.required,
      attended: attended.has(m.key),
    })),
    rolePlays: observations.map((o) => ({ observedAt: o.observed_at, result: o.result })),
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
  const location = session.modality === 'remote' ? (session.video_link ?? undefined) : (session.place ?? undefined);
  assertNeutralInviteText('location', location);
  return buildInvite({
    uid: session.ics_uid,
    start: new Date(session.starts_at),
    end: new Date(session.ends_at),
    title: INVITE_TITLE,
    location,
    organizerEmail: inviteOrganizer(ctx.config.smtpFrom),
    attendeeEmail: person && isNeutralInviteText(person.workEmail) ? person.workEmail : undefined,
    sequence: Number(session.sequence),
    cancelled: session.status === 'cancelled',
    now: ctx.clock.now(),
  });
}
