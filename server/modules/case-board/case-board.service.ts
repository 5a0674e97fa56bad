import type { z } from 'zod';
import { isOpen, OPEN_STATES } from '../../../shared/case-workflow.ts';
import type {
  AssignInput,
  AuditEntrySchema,
  AuditQuery,
  CaseBoardEntrySchema,
  CaseBoardQuery,
  CaseContactSchema,
  CaseSuggestionsSchema,
  SuggestionSchema,
} from '../../../shared/schemas/case-board.ts';
import type { CaseState } from '../../../shared/schemas/case-vocabulary.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AppContext, RequestOrigin } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { hardRuleViolation, matchSupporters, type Candidate, type HardRule, type MatchRequest } from '../matching/index.ts';
import { findOrganization } from '../organization/index.ts';
import * as cases from '../cases/index.ts';
import { buildMatchRequest, loadCandidates } from '../cases/index.ts';
import { fireCaseEvent } from '../cases/index.ts';
import { dueTimeOf, loadClocks, type ProgramClocks } from '../service-levels/index.ts';
import { firstContactsSinceReopen } from '../service-levels/index.ts';
import * as repo from './case-board.repository.ts';

type BoardEntry = z.infer<typeof CaseBoardEntrySchema>;
type Suggestion = z.infer<typeof SuggestionSchema>;
type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * The first-contact clock as stored on the case when it was opened (the program's target for its
 * origin and urgency then; see server/modules/service-levels). A case opened before clocks were stored
 * gets the due time today's targets give. A reopened case shows its current round: the clock started
 * at the reopen and the first contact since then (`roundContactAt`), not the first round's.
 */
export function serviceLevelOf(
  row: Pick<cases.Case, 'origin' | 'created_at' | 'urgency' | 'first_contact_at' | 'first_contact_due_at' | 'reopened_at'>,
  now: Date,
  clocks: ProgramClocks | null,
  roundContactAt: string | null = null,
): BoardEntry['serviceLevel'] {
  const dueAt = row.first_contact_due_at ?? (clocks ? dueTimeOf(clocks, row) : row.created_at);
  const due = Date.parse(dueAt);
  const firstContactAt = row.reopened_at ? roundContactAt : row.first_contact_at;
  const contactedAt = firstContactAt ? Date.parse(firstContactAt) : null;
  return {
    firstContactDueAt: new Date(due).toISOString(),
    firstContactAt,
    breached: contactedAt !== null ? contactedAt > due : now.getTime() > due,
  };
}

function ref(names: Map<string, repo.PersonName>, id: string | null) {
  if (!id) return null;
  const person = names.get(id);
  return person ? { id, firstName: person.first_name, lastName: person.last_name } : null;
}

async function toEntries(ctx: AppContext, db: DbOrTrx, organizationId: string, rows: cases.Case[]): Promise<BoardEntry[]> {
  const [offers, names, clocks, roundContacts] = await Promise.all([
    repo.countOffersByCase(
      db,
      organizationId,
      rows.map((r) => r.id),
    ),
    repo.namesOf(
      db,
      organizationId,
      rows.flatMap((r) => [r.assigned_supporter_id, r.offered_supporter_id]).filter((id): id is string => id !== null),
    ),
    rows.some((r) => !r.first_contact_due_at) ? loadClocks(db, organizationId) : null,
    firstContactsSinceReopen(db, rows),
  ]);
  const now = ctx.clock.now();
  return rows.map((row) => ({
    id: row.id,
    origin: row.origin,
    state: row.state,
    reason: row.reason,
    urgency: row.urgency,
    modality: row.modality,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    serviceLevel: serviceLevelOf(row, now, clocks, roundContacts.get(row.id) ?? null),
    assignedSupporter: ref(names, row.assigned_supporter_id),
    offeredSupporter: ref(names, row.offered_supporter_id),
    offerCount: offers.get(row.id) ?? 0,
    relaxedRules: row.relaxed_rules,
  }));
}

/** Every open case (or those of one state), with clocks and supporters: never who asked or how to reach them. */
export async function listBoard(ctx: AppContext, actor: Actor, query: CaseBoardQuery): Promise<BoardEntry[]> {
  const states: readonly CaseState[] = query.state ? [query.state] : OPEN_STATES;
  const rows = await repo.listBoardCases(ctx.db, actor.organizationId, { states, origin: query.origin, urgency: query.urgency });
  return toEntries(ctx, ctx.db, actor.organizationId, rows);
}

async function requireCase(db: DbOrTrx, actor: Actor, id: string): Promise<cases.Case> {
  const row = await cases.findCase(db, actor.organizationId, id);
  if (!row) throw notFound();
  return row;
}

function requireOpen(row: cases.Case): void {
  if (!isOpen(row.state)) throw new AppError('conflict', 'This request is finished; there is nothing left to act on');
}

/**
 * The requester's first name and contact, for an administrator about to act on an open case. Every
 * read is written to the case audit with who and from where (docs/product.md, C5).
 */
export async function viewContact(
  ctx: AppContext,
  actor: Actor,
  id: string,
  origin: RequestOrigin,
): Promise<z.infer<typeof CaseContactSchema>> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireCase(trx, actor, id);
    requireOpen(row);
    let firstName = row.requester_first_name;
    if (!firstName && row.requester_person_id) {
      firstName =
        (await repo.namesOf(trx, actor.organizationId, [row.requester_person_id])).get(row.requester_person_id)?.first_name ?? null;
    }
    await cases.appendCaseAudit(trx, {
      organizationId: actor.organizationId,
      caseId: row.id,
      actorPersonId: actor.personId,
      action: 'case.contact_viewed',
      at: ctx.clock.now().toISOString(),
      ip: origin.ip,
    });
    return {
      caseId: row.id,
      requesterFirstName: firstName,
      contactMethod: row.contact_method,
      contactValue: row.contact_value,
    };
  });
}

/**
 * The matcher's view for a manual assignment: previously offered supporters are back in the pool
 * (an administrator may well choose someone who declined at 3 a.m.); only the current holder is not.
 */
async function manualMatchInput(ctx: AppContext, db: DbOrTrx, row: cases.Case) {
  const now = ctx.clock.now();
  const org = await findOrganization(db, row.organization_id);
  const request: MatchRequest = {
    ...(await buildMatchRequest(db, row, now)),
    excludeSupporterIds: row.assigned_supporter_id ? [row.assigned_supporter_id] : [],
  };
  const candidates = await loadCandidates(db, row.organization_id, org?.time_zone ?? 'UTC', now);
  return { request, candidates };
}

export async function suggestions(ctx: AppContext, actor: Actor, id: string): Promise<z.infer<typeof CaseSuggestionsSchema>> {
  const row = await requireCase(ctx.db, actor, id);
  requireOpen(row);
  const { request, candidates } = await manualMatchInput(ctx, ctx.db, row);
  const result = matchSupporters(request, candidates);
  const picked = [result.best, ...result.alternates].filter((c): c is Candidate => c !== null);
  const names = await repo.namesOf(
    ctx.db,
    actor.organizationId,
    picked.map((c) => c.personId),
  );
  const toSuggestion = (c: Candidate): Suggestion | null => {
    const supporter = ref(names, c.personId);
    return supporter ? { supporter, score: c.score, reasons: c.reasons } : null;
  };
  return {
    best: result.best ? toSuggestion(result.best) : null,
    alternates: result.alternates.map(toSuggestion).filter((s): s is Suggestion => s !== null),
    relaxedRules: result.relaxed,
  };
}

const REFUSALS: Record<HardRule, string> = {
  not_certified: 'This supporter is not certified (or the certification has lapsed)',
  not_active: 'This supporter is not active',
  paused: 'This supporter is paused or away',
  is_requester: 'A person cannot support their own request',
  involved_in_event: 'This supporter was involved in the same event',
  reporting_line: "This supporter is in the requester's reporting line",
  requester_department: 'The requester asked for a peer from another department',
  previously_offered: 'This supporter was already offered this request',
  no_capacity: 'This supporter has no capacity left',
  language_required: 'This supporter does not speak the language the requester needs',
};

/**
 * Assigns (or reassigns) a case by hand: the same hard rules as matching, any pending offer withdrawn,
 * the supporter told by a content-free e-mail, the change audited. Of two administrators acting on the
 * same case at once exactly one wins; the other gets 409.
 */
export async function assign(ctx: AppContext, actor: Actor, id: string, input: AssignInput, origin: RequestOrigin): Promise<BoardEntry> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireCase(trx, actor, id);
    if (input.expectedSupporterId !== undefined && input.expectedSupporterId !== row.assigned_supporter_id) {
      throw new AppError('conflict', 'This request has changed in the meantime; reload to see where it stands');
    }
    requireOpen(row);
    // Lock order as in accept, decline and expiry: the case's pending offers before the case row
    // (PostgreSQL), or a supporter accepting at this moment and this assignment deadlock.
    await cases.lockPendingOffersOfCase(trx, ctx.engine, row.id);
    if (!(await repo.claimCaseIfUnchanged(trx, row))) {
      throw new AppError('conflict', 'This request has changed in the meantime; reload to see where it stands');
    }
    const { request, candidates } = await manualMatchInput(ctx, trx, row);
    const candidate = candidates.find((c) => c.personId === input.supporterId);
    if (!candidate) throw invalid('body.supporterId', 'Not an active peer supporter of this program');
    if (candidate.personId === row.assigned_supporter_id) throw new AppError('conflict', 'This supporter already holds the request');
    const broken = hardRuleViolation(request, candidate);
    if (broken) throw invalid('body.supporterId', REFUSALS[broken]);

    await cases.withdrawPendingOffers(trx, row.id, now.toISOString());
    const after = await fireCaseEvent(
      ctx,
      trx,
      row,
      { type: 'assigned_manually', supporterId: candidate.personId },
      { kind: 'administrator', personId: actor.personId, audit: 'case.assigned_manually', ip: origin.ip },
      { assigned_at: now.toISOString() },
    );
    const [entry] = await toEntries(ctx, trx, actor.organizationId, [after]);
    return entry as BoardEntry;
  });
}

/** Case and directory audit entries of the organisation, newest first; for the director only. */
export async function auditLog(ctx: AppContext, actor: Actor, query: AuditQuery): Promise<AuditEntry[]> {
  const filter: repo.AuditFilter = {
    organizationId: actor.organizationId,
    caseId: query.caseId,
    actorId: query.actorId,
    action: query.action,
    from: query.from ? new Date(query.from).toISOString() : undefined,
    to: query.to ? new Date(query.to).toISOString() : undefined,
    take: query.offset + query.limit,
  };
  const [caseRows, eventRows] = await Promise.all([repo.listCaseAudit(ctx.db, filter), repo.listAuditEvents(ctx.db, filter)]);
  const merged = [
    ...caseRows.map((r) => ({ ...r, source: 'case' as const })),
    ...eventRows.map((r) => ({ ...r, source: 'event' as const })),
  ]
    .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1))
    .slice(query.offset, query.offset + query.limit);
  const names = await repo.namesOf(
    ctx.db,
    actor.organizationId,
    merged.map((r) => r.actor_person_id).filter((p): p is string => p !== null),
  );
  return merged.map((r) => {
    const person = r.actor_person_id ? names.get(r.actor_person_id) : undefined;
    return {
      id: r.id,
      at: r.at,
      source: r.source,
      action: r.action,
      actor: r.actor_person_id ? { id: r.actor_person_id, name: person ? `${person.first_name} ${person.last_name}` : null } : null,
      caseId: r.case_id,
      subjectType: r.source === 'case' ? 'case' : r.subject_type,
      subjectId: r.subject_id,
      ip: r.ip,
      detail: r.detail,
    };
  });
}
