import type { DbOrTrx } from '../../db/database.ts';
import type { ProgramFoundationsTable } from '../../db/schema.ts';

export async function findFoundations(db: DbOrTrx, organizationId: string): Promise<ProgramFoundationsTable | undefined> {
  return db.selectFrom('program_foundations').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function saveFoundations(db: DbOrTrx, row: ProgramFoundationsTable): Promise<void> {
  const { organization_id: _, ...changes } = row;
  await db
    .insertInto('program_foundations')
    .values(row)
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(changes))
    .execute();
}

const countOf = async (query: Promise<{ n: number | string } | undefined>) => Number((await query)?.n ?? 0);

/**
 * What the set-up view judges the steps by: counts only, each one aggregate over the organisation
 * (docs/setup.md).
 */
export async function countSetupFacts(db: DbOrTrx, organizationId: string, now: string) {
  const withRole = (role: string) =>
    countOf(
      db
        .selectFrom('role_grants')
        .innerJoin('people', 'people.id', 'role_grants.person_id')
        .select((eb) => eb.fn.count<number>('people.id').distinct().as('n'))
        .where('people.organization_id', '=', organizationId)
        .where('people.active', '=', true)
        .where('role_grants.role', '=', role)
        .executeTakeFirst(),
    );
  const [staff, leadershipViewers, states, sessionsHeld, supportLines, triggers, targets, rotations] = await Promise.all([
    countOf(
      db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', organizationId)
        .where('active', '=', true)
        .executeTakeFirst(),
    ),
    withRole('leadership_viewer'),
    db
      .selectFrom('supporter_profiles')
      .innerJoin('people', 'people.id', 'supporter_profiles.person_id')
      .select((eb) => ['supporter_profiles.status as state', eb.fn.countAll<number>().as('n')])
      .where('supporter_profiles.organization_id', '=', organizationId)
      .where('people.active', '=', true)
      .groupBy('supporter_profiles.status')
      .execute(),
    countOf(
      db
        .selectFrom('training_sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', organizationId)
        .where('status', '=', 'scheduled')
        .where('ends_at', '<', now)
        .executeTakeFirst(),
    ),
    countOf(
      db
        .selectFrom('support_lines')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', organizationId)
        .executeTakeFirst(),
    ),
    countOf(
      db
        .selectFrom('event_triggers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', organizationId)
        .where('active', '=', true)
        .executeTakeFirst(),
    ),
    countOf(
      db
        .selectFrom('service_level_targets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', organizationId)
        .executeTakeFirst(),
    ),
    countOf(
      db
        .selectFrom('on_call_rotations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', organizationId)
        .executeTakeFirst(),
    ),
  ]);
  return { staff, leadershipViewers, states, sessionsHeld, supportLines, triggers, targets, rotations };
}
