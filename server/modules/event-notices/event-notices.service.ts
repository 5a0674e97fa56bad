import type { z } from 'zod';
import type { CaseState } from '../../../shared/schemas/case-vocabulary.ts';
import type {
  EventNoticeInput,
  EventNoticeReceipt,
  ManagedEventNoticeSchema,
  MyEventNoticeSchema,
} from '../../../shared/schemas/event-notices.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { newId, toBool } from '../../db/values.ts';
import type { AppContext } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import * as cases from '../cases/index.ts';
import { findStructureEntry } from '../organization/index.ts';
import { listRequesterFacts } from '../people/index.ts';
import { startUrgentPaging } from '../paging/index.ts';
import { ensureTriggers } from './event-triggers.service.ts';
import * as repo from './event-notices.repository.ts';
import { applyNoticeToOpenCase } from './open-case-notice.ts';
import { openOutreachCases, outreachCase, prepareOutreachMatches, type InvolvedPerson } from './outreach.service.ts';
import { transactionWithDeferredInserts } from '../../db/deferred-inserts.ts';

/** Who files: a signed-in reporter or an organisation's integration token (exactly one). */
export interface NoticeFiler {
  organizationId: string;
  personId: string | null;
  tokenId: string | null;
}

/** A clock a few minutes ahead in the reporting system is not an event "in the future". */
const FUTURE_SKEW_MS = 5 * 60_000;
const LIST_LIMIT = 200;

/**
 * Each entry of `involved`, resolved within the filer's organisation in input order. Unknown,
 * inactive and repeated people are a 400 naming the exact entry; the message says no more than
 * whether a work e-mail or id is in the staff directory.
 */
async function resolveInvolved(db: DbOrTrx, organizationId: string, involved: EventNoticeInput['involved']): Promise<InvolvedPerson[]> {
  const ids = involved.flatMap((e) => ('personId' in e ? [e.personId] : []));
  const emails = involved.flatMap((e) => ('workEmail' in e ? [e.workEmail] : []));
  const rows = await listRequesterFacts(db, organizationId, { ids, emails });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byEmail = new Map(rows.map((r) => [r.work_email, r]));
  const seen = new Set<string>();
  return involved.map((entry, i) => {
    const field = 'personId' in entry ? 'personId' : 'workEmail';
    const path = `body.involved.${i}.${field}`;
    const row = 'personId' in entry ? byId.get(entry.personId) : byEmail.get(entry.workEmail);
    if (!row || !row.active)
      throw invalid(
        path,
        field === 'workEmail' ? 'No one in the staff directory has this work e-mail' : 'No one in the staff directory has this id',
      );
    if (seen.has(row.id)) throw invalid(path, 'This person is already named in this notice');
    seen.add(row.id);
    return { id: row.id, first_name: row.first_name, work_email: row.work_email, department_id: row.department_id, category: row.category };
  });
}

/**
 * Files a notice and starts outreach, all or nothing: one outreach case per involved person, or the
 * notice attached to the open case they already have. The answer is the receipt and only the
 * receipt — the firewall: the reporter never learns who was contacted, accepted or declined.
 */
export async function fileNotice(ctx: AppContext, filer: NoticeFiler, input: EventNoticeInput): Promise<EventNoticeReceipt> {
  const now = ctx.clock.now();
  const orgId = filer.organizationId;
  if (Date.parse(input.occurredAt) > now.getTime() + FUTURE_SKEW_MS) throw invalid('body.occurredAt', 'The event cannot be in the future');
  const trigger = (await ensureTriggers(ctx.db, orgId, now)).find((t) => t.id === input.triggerId);
  if (!trigger || !toBool(trigger.active)) throw invalid('body.triggerId', 'Choose a trigger from the catalogue');
  const department = await findStructureEntry(ctx.db, 'departments', orgId, input.departmentId);
  if (!department || !toBool(department.active)) throw invalid('body.departmentId', 'Choose a department of this organisation');
  const people = await resolveInvolved(ctx.db, orgId, input.involved);
  const involvedIds = people.map((p) => p.id);

  const open = await cases.listOpenCasesOfRequesters(ctx.db, orgId, involvedIds);
  const openCaseOf = new Map<string, string>();
  for (const c of open) if (c.requester_person_id && !openCaseOf.has(c.requester_person_id)) openCaseOf.set(c.requester_person_id, c.id);
  const newRows = people.filter((p) => !openCaseOf.has(p.id)).map((p) => outreachCase(orgId, p, trigger.reason, input.urgent, now));
  const excluded = [...involvedIds, ...(filer.personId ? [filer.personId] : [])];
  // Matching's reads happen before BEGIN (as intake does): the transaction holds only the writes.
  const prepared = await prepareOutreachMatches(ctx, ctx.db, orgId, newRows, excluded);

  const notice: repo.EventNoticeRow = {
    id: newId(),
    organization_id: orgId,
    trigger_id: trigger.id,
    department_id: department.id,
    occurred_at: new Date(input.occurredAt).toISOString(),
    urgent: input.urgent,
    filed_by_person_id: filer.personId,
    filed_by_token_id: filer.tokenId,
    filed_at: now.toISOString(),
    involved_count: involvedIds.length,
  };
  // Jobs, e-mails and audit entries of every case go in one INSERT per table at the end.
  await transactionWithDeferredInserts(ctx.db, async (trx) => {
    await repo.insertNotice(trx, notice, involvedIds);
    if (filer.tokenId) await repo.touchIntegrationToken(trx, filer.tokenId, now.toISOString());
    const attached = [...openCaseOf.values()];
    const opened = await openOutreachCases(ctx, trx, newRows, prepared, filer.personId);
    await repo.attachNoticeToCases(trx, orgId, notice.id, [...newRows.map((r) => r.id), ...attached], now.toISOString());
    await cases.appendCaseAuditMany(
      trx,
      attached.map((caseId) => ({
        organizationId: orgId,
        caseId,
        actorPersonId: filer.personId,
        action: 'case.event_notice_attached',
        at: now.toISOString(),
      })),
    );
    // The open cases it was attached to: urgency, clock and who may support them (open-case-notice.ts).
    const conflicted = new Set(excluded);
    const urgent = opened.filter((row) => row.urgency === 'today');
    for (const caseId of attached) {
      const changed = await applyNoticeToOpenCase(ctx, trx, caseId, orgId, {
        urgent: input.urgent,
        conflicted,
        actorPersonId: filer.personId,
      });
      if (changed?.page) urgent.push(changed.row);
    }
    // An urgent notice pages the on-call supporter once, saying how many people (not 50 pages): the
    // chain hangs on the first urgent case and stops when that one is acknowledged or reached. Nobody
    // named in the notice, nor its reporter, is paged about it.
    if (urgent[0]) await startUrgentPaging(ctx, trx, urgent[0], urgent.length, excluded);
  });
  // The receipt counts everyone named, whether a case was opened or an open one carries the notice.
  return { received: true, offeredCount: people.length };
}

type MyNotice = z.infer<typeof MyEventNoticeSchema>;
type ManagedNotice = z.infer<typeof ManagedEventNoticeSchema>;

/** The reporter's own notices: what they filed, and "received". Nothing about outreach, ever. */
export async function listMyNotices(ctx: AppContext, organizationId: string, personId: string): Promise<{ notices: MyNotice[] }> {
  const rows = await repo.listNoticesFiledBy(ctx.db, organizationId, personId, LIST_LIMIT);
  return {
    notices: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      filedAt: r.filed_at,
      trigger: r.trigger,
      department: r.department,
      urgent: toBool(r.urgent),
      involvedCount: Number(r.involved_count ?? 0),
      received: true as const,
    })),
  };
}

/** The administrators' list: each notice with how many of its outreach cases are in each state. */
export async function listManagedNotices(ctx: AppContext, organizationId: string): Promise<{ notices: ManagedNotice[] }> {
  const rows = await repo.listNotices(ctx.db, organizationId, LIST_LIMIT);
  const counts = await repo.countCasesByNoticeAndState(
    ctx.db,
    organizationId,
    rows.map((r) => r.id),
  );
  const byNotice = new Map<string, Partial<Record<CaseState, number>>>();
  for (const c of counts) {
    const entry = byNotice.get(c.notice_id) ?? {};
    entry[c.state] = Number(c.n);
    byNotice.set(c.notice_id, entry);
  }
  return {
    notices: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      filedAt: r.filed_at,
      trigger: r.trigger,
      department: r.department,
      urgent: toBool(r.urgent),
      filedVia: r.filed_by_person_id ? ('person' as const) : ('integration' as const),
      involvedCount: Number(r.involved_count ?? 0),
      casesByState: byNotice.get(r.id) ?? {},
    })),
  };
}
