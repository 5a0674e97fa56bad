import type { Foundations, FoundationsInput, SetupView } from '../../../shared/schemas/setup.ts';
import { TEAM_STATES } from '../../../shared/supporter-lifecycle.ts';
import type { ProgramFoundationsTable } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext } from '../../lib/context.ts';
import { appendAuditEvent } from '../audit/index.ts';
import * as repo from './program-setup.repository.ts';

/**
 * The program's set-up (docs/setup.md): the article's steps, each judged from what is recorded in
 * Peerline rather than ticked by hand, with where each is done.
 */

/** Programs aim for one supporter per 50 to 100 staff; the set-up asks for at least the lower bound of that reach. */
const STAFF_PER_SUPPORTER = 100;

type Step = SetupView['steps'][number];
type Check = Step['checks'][number];

const check = (label: string, done: boolean, detail: string): Check => ({ label, done, detail });
const statusOf = (checks: Check[]): Step['status'] =>
  checks.every((c) => c.done) ? 'done' : checks.some((c) => c.done) ? 'in_progress' : 'not_started';
const step = (id: Step['id'], checks: Check[], link: string | null): Step => ({ id, status: statusOf(checks), checks, link });

function toFoundations(row: ProgramFoundationsTable | undefined): Foundations {
  return {
    sponsorName: row?.sponsor_name ?? null,
    sponsorRole: row?.sponsor_role ?? null,
    sponsorAgreedOn: row?.sponsor_agreed_on ?? null,
    protectionBasis: row?.protection_basis ?? null,
    protectionConfirmedBy: row?.protection_confirmed_by ?? null,
    protectionConfirmedOn: row?.protection_confirmed_on ?? null,
  };
}

export async function getSetup(ctx: AppContext, actor: Pick<Actor, 'organizationId'>): Promise<SetupView> {
  const now = ctx.clock.now().toISOString();
  const [row, facts] = await Promise.all([
    repo.findFoundations(ctx.db, actor.organizationId),
    repo.countSetupFacts(ctx.db, actor.organizationId, now),
  ]);
  const f = toFoundations(row);
  const inState = (states: readonly string[]) => facts.states.filter((s) => states.includes(s.state)).reduce((n, s) => n + Number(s.n), 0);
  const onTeam = inState(TEAM_STATES);
  const active = inState(['active']);
  const inTraining = inState(['in_training']);
  const needed = Math.max(1, Math.ceil(facts.staff / STAFF_PER_SUPPORTER));
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

  return {
    foundations: f,
    steps: [
      step(
        'leadership',
        [
          check(
            'An executive sponsor',
            f.sponsorName !== null,
            f.sponsorName
              ? `${f.sponsorName}, ${f.sponsorRole ?? ''}, since ${f.sponsorAgreedOn ?? ''}`
              : 'Record who sponsors the program.',
          ),
          check(
            'What supporters hear is protected',
            f.protectionBasis !== null,
            f.protectionBasis
              ? `${f.protectionBasis}; confirmed by ${f.protectionConfirmedBy ?? ''} on ${f.protectionConfirmedOn ?? ''}`
              : 'Record the legal or peer-review protection and who confirmed it.',
          ),
          check(
            'Leadership can see the reports',
            facts.leadershipViewers > 0,
            facts.leadershipViewers > 0
              ? `${plural(facts.leadershipViewers, 'leadership viewer')}`
              : 'Give someone in leadership the leadership viewer role (People).',
          ),
        ],
        '/app/reports',
      ),
      step(
        'scope',
        [
          check(
            'Whom the program serves',
            false,
            `Everyone in the directory (${plural(facts.staff, 'person', 'people')}). Choosing professions, sites and departments for a pilot is not in Peerline yet.`,
          ),
        ],
        '/app/organization',
      ),
      step(
        'team',
        [
          check(
            `At least one supporter per ${STAFF_PER_SUPPORTER} staff`,
            onTeam >= needed,
            `${plural(onTeam, 'supporter')} on the team for ${plural(facts.staff, 'person', 'people')}: ${needed} needed.`,
          ),
          check('Supporters taking requests', active > 0, `${plural(active, 'supporter')} active.`),
        ],
        '/app/team',
      ),
      step(
        'training',
        [
          check('A training session held', facts.sessionsHeld > 0, `${plural(facts.sessionsHeld, 'session')} held.`),
          check(
            'Enough supporters certified',
            onTeam >= needed,
            `${plural(onTeam, 'supporter')} certified or on the team, ${inTraining} in training.`,
          ),
        ],
        '/app/training',
      ),
      step(
        'activation',
        [
          check('Support lines for when nobody is on', facts.supportLines > 0, `${plural(facts.supportLines, 'support line')}.`),
          check('Events that trigger outreach', facts.triggers > 0, `${plural(facts.triggers, 'trigger')} in the catalogue.`),
          // Without targets of its own the program runs on the defaults, which are targets all the same.
          check(
            'First-contact targets',
            true,
            facts.targets > 0 ? 'Set by the program.' : 'The defaults are in force; change them in Settings.',
          ),
          check(
            'An on-call rota for urgent requests',
            facts.rotations > 0,
            facts.rotations > 0 ? 'A rotation is set.' : 'No rotation yet.',
          ),
        ],
        '/app/settings',
      ),
      step(
        'awareness',
        [check('Awareness activities', false, 'Grand rounds, huddles, newsletters and recognition are not recorded in Peerline yet.')],
        null,
      ),
    ],
  };
}

/** Records the sponsor, the protection, or both; audited, as it is what leadership is shown. */
export async function saveFoundations(ctx: AppContext, actor: Actor, input: FoundationsInput): Promise<SetupView> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findFoundations(trx, actor.organizationId);
    await repo.saveFoundations(trx, {
      organization_id: actor.organizationId,
      sponsor_name: input.sponsor?.name ?? before?.sponsor_name ?? null,
      sponsor_role: input.sponsor?.role ?? before?.sponsor_role ?? null,
      sponsor_agreed_on: input.sponsor?.agreedOn ?? before?.sponsor_agreed_on ?? null,
      protection_basis: input.protection?.basis ?? before?.protection_basis ?? null,
      protection_confirmed_by: input.protection?.confirmedBy ?? before?.protection_confirmed_by ?? null,
      protection_confirmed_on: input.protection?.confirmedOn ?? before?.protection_confirmed_on ?? null,
      updated_by: actor.personId,
      updated_at: at,
    });
    await appendAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorPersonId: actor.personId,
      action: 'setup.foundations_recorded',
      subjectType: 'organization',
      subjectId: actor.organizationId,
      at,
      detail: [input.sponsor && 'sponsor', input.protection && 'protection'].filter(Boolean).join(','),
    });
  });
  return getSetup(ctx, actor);
}
