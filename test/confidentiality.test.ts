/**
 * Confidentiality rules (docs/product.md, C1–C3 and C5): leadership viewers and event reporters
 * never receive a person's identity or a case id from any GET route; nothing in e-mail beyond
 * "something to look at" and a link; and the case tables have no free-text column about what
 * happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildOffer, buildOrganization, buildPerson, buildSupporterProfile } from '../server/demo/factories.ts';
import { EMAIL_SUBJECT, renderEmail } from '../server/email/templates.ts';
import { createTestApp, signIn, type TestApp } from './harness.ts';

const PASSWORD = 'a long test password';

describe('confidentiality invariants', () => {
  let t: TestApp;
  const secrets: string[] = [];
  const callers: { role: string; cookie: string; ownName: string; ownEmail: string; ownId: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrganization(t.ctx.db, t.clock);
    const requester = await buildPerson(t.ctx.db, t.clock, org.id, {
      firstName: 'Quintessa',
      lastName: 'Brightwater',
      email: 'quintessa.b@h.test',
    });
    const supporter = await buildPerson(t.ctx.db, t.clock, org.id, {
      firstName: 'Ysolde',
      lastName: 'Marchetti',
      email: 'ysolde.m@h.test',
      roles: ['peer_supporter'],
    });
    await buildSupporterProfile(t.ctx.db, t.clock, org.id, supporter.id);
    // The supporter directory (first names) is on, so its GET route is exercised too, not just a 404 for "off".
    await t.ctx.db.updateTable('organizations').set({ supporter_directory_enabled: true }).where('id', '=', org.id).execute();
    const assigned = await buildCase(t.ctx.db, t.clock, org.id, {
      state: 'assigned',
      requesterPersonId: requester.id,
      requesterFirstName: 'Quintessa',
      assignedSupporterId: supporter.id,
      contactValue: '+1 555 0177',
    });
    const offered = await buildOffer(t.ctx.db, t.clock, org.id, supporter.id, {
      origin: 'anonymous',
      requesterFirstName: 'Zebediah',
      contactValue: 'zeb@private.test',
    });
    secrets.push(
      'Quintessa',
      'Brightwater',
      'quintessa.b@h.test',
      'Ysolde',
      'Marchetti',
      'ysolde.m@h.test',
      'Zebediah',
      'zeb@private.test',
      '555 0177',
      assigned,
      offered.caseId,
      offered.offerId,
    );
    for (const role of ['leadership_viewer', 'event_reporter'] as const) {
      const p = await buildPerson(t.ctx.db, t.clock, org.id, {
        roles: [role, 'staff_member'],
        password: PASSWORD,
        firstName: 'Caller',
        lastName: role,
      });
      callers.push({ role, cookie: await signIn(t.app, p.email, PASSWORD), ownName: role, ownEmail: p.email, ownId: p.id });
    }
  });
  afterAll(async () => t.close());

  it('never shows a leadership viewer or event reporter a name, e-mail or case id, on any GET route', async () => {
    const gets = t.routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && r.url !== '/api/openapi.json');
    expect(gets.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const caller of callers) {
      for (const route of gets) {
        const url = route.url.replace(':id', secrets[9]!);
        const response = await t.app.inject({ url, headers: { cookie: caller.cookie } });
        for (const secret of secrets) if (response.body.includes(secret)) leaks.push(`${caller.role} ${route.url} → ${secret}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('says nothing in any e-mail template but "something to look at" and the link', () => {
    for (const template of ['new_offer', 'reminder', 'case_update', 'feedback_request', 'attention_needed'] as const) {
      const mail = renderEmail(template, '/app/offers', 'https://peerline.example');
      expect(mail.subject).toBe(EMAIL_SUBJECT);
      expect(`${mail.subject} ${mail.text}`).not.toMatch(/support|adverse|death|litigation|burnout|violence|case|Quintessa/i);
    }
  });

  it('has no free-text column about what happened in any case table', async () => {
    // Every text column of the case tables, classified. A new column fails this test until someone
    // decides (and writes here) that it is not a place for what was said.
    const allowed: Record<string, string[]> = {
      cases: [
        'id',
        'organization_id',
        'origin',
        'state',
        'outcome',
        'reason',
        'urgency',
        'modality',
        'language',
        'department_preference',
        'requester_profession_category',
        'requester_department_id',
        'requester_person_id',
        'requester_first_name',
        'contact_method',
        'contact_value',
        'anonymous_code',
        'anonymous_secret_hash',
        'assigned_supporter_id',
        'offered_supporter_id',
        'relaxed_rules',
        'created_at',
        'updated_at',
        'assigned_at',
        'first_contact_at',
        'closed_at',
        // Service-level clock (migration 0013): two timestamps.
        'first_contact_due_at',
        'first_contact_escalation_at',
        'reopened_at',
        // Retention (migration 0018): when the identifying columns were erased, a timestamp.
        'erased_at',
      ],
      case_offers: [
        'id',
        'organization_id',
        'case_id',
        'supporter_id',
        'status',
        'decline_reason',
        'match_reasons',
        'offered_at',
        'expires_at',
        'responded_at',
      ],
      case_audit: ['id', 'organization_id', 'case_id', 'actor_person_id', 'action', 'at', 'ip'],
      // Casework: ids, vocabulary codes (channel, result, modality, format, category), dates and timestamps.
      contact_attempts: ['id', 'organization_id', 'case_id', 'supporter_id', 'at', 'channel', 'result'],
      // `topics` is a JSON array of codes from ENCOUNTER_TOPICS, validated on the way in.
      encounters: [
        'id',
        'organization_id',
        'case_id',
        'supporter_id',
        'date',
        'modality',
        'format',
        'topics',
        'follow_up_on',
        'created_at',
      ],
      referral_offers: ['id', 'organization_id', 'case_id', 'encounter_id', 'category', 'offered_at', 'taken_up_at'],
      // Feedback: a token hash, the organisation and the month (YYYY-MM); never a case or a person.
      feedback_tokens: ['token_hash', 'organization_id', 'month'],
      feedback: ['id', 'organization_id', 'month'],
      // Conversations: when and how (modality), the invite's identity and the video link made from the
      // program's pattern — never what the conversation is about; there is no notes column.
      conversations: [
        'id',
        'organization_id',
        'case_id',
        'supporter_id',
        'starts_at',
        'ends_at',
        'modality',
        'status',
        'video_link',
        'ics_uid',
        'created_at',
        'updated_at',
      ],
      // Event notices: when, which trigger, which department, who filed it; the people and
      // cases are link rows. The trigger's label is catalogue configuration shared by every notice.
      event_triggers: ['id', 'organization_id', 'code', 'label', 'reason', 'created_at'],
      event_notices: [
        'id',
        'organization_id',
        'trigger_id',
        'department_id',
        'occurred_at',
        'filed_by_person_id',
        'filed_by_token_id',
        'filed_at',
      ],
      event_notice_people: ['notice_id', 'person_id', 'organization_id'],
      case_event_notices: ['case_id', 'notice_id', 'organization_id', 'attached_at'],
      outreach_invites: ['token_hash', 'organization_id', 'case_id', 'created_at', 'expires_at', 'used_at'],
      integration_tokens: [
        'id',
        'organization_id',
        'label',
        'token_hash',
        'created_by_person_id',
        'created_at',
        'revoked_at',
        'last_used_at',
      ],
      // Group debriefs (migration 0016): when, how long, a modality code and the invite's identity;
      // afterwards two numbers. Who was asked is a link row with a role code and a hashed link token.
      // Migration 0017: a status code, the video link made from the program's pattern (as for
      // conversations) and timestamps; a removed person's row keeps only when they were removed.
      group_debriefs: [
        'id',
        'organization_id',
        'notice_id',
        'starts_at',
        'modality',
        'ics_uid',
        'created_by_person_id',
        'created_at',
        'recorded_at',
        'status',
        'video_link',
        'updated_at',
        'cancelled_at',
        'invite_list_erased_at',
      ],
      group_debrief_people: ['debrief_id', 'person_id', 'organization_id', 'role', 'invite_token_hash', 'removed_at'],
      // Urgent paging (migration 0015): who was paged at which step (a person id and a role code), the
      // channels as a JSON array of codes, timestamps and a status. The chain's settings: codes and a URL.
      pages: [
        'id',
        'organization_id',
        'case_id',
        'target_role',
        'person_id',
        'channels',
        'sent_at',
        'status',
        'acknowledged_at',
        'acknowledged_by',
      ],
      paging_settings: ['organization_id', 'steps', 'webhook_url', 'updated_at'],
    };
    const tables = await t.ctx.db.introspection.getTables();
    for (const [table, columns] of Object.entries(allowed)) {
      const found = tables.find((x) => x.name === table);
      expect(found, table).toBeDefined();
      const textColumns = found!.columns.filter((c) => /text|char/i.test(c.dataType)).map((c) => c.name);
      expect(
        textColumns.filter((c) => !columns.includes(c)),
        table,
      ).toEqual([]);
    }
  });

  it('keeps feedback unlinkable: no case or person column in the feedback tables', async () => {
    const tables = await t.ctx.db.introspection.getTables();
    for (const name of ['feedback', 'feedback_tokens']) {
      const columns = tables
        .find((x) => x.name === name)!
        .columns.map((c) => c.name)
        .sort();
      expect(columns, name).toEqual(
        name === 'feedback'
          ? ['helpfulness', 'id', 'month', 'organization_id', 'would_recommend']
          : ['month', 'organization_id', 'token_hash'],
      );
    }
  });
});
