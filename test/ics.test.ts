import { describe, expect, it } from 'vitest';
import { ROLE_LABELS, ROLES } from '../shared/permissions.ts';
import { REASON_CATEGORIES } from '../shared/schemas/case-vocabulary.ts';
import { newId } from '../server/db/values.ts';
import {
  assertNeutralInviteText,
  buildInvite,
  DEFAULT_INVITE_TITLE,
  ForbiddenInviteTextError,
  newInviteUid,
  type InviteInput,
} from '../server/modules/scheduling/ics.ts';

interface Property {
  name: string;
  params: string;
  value: string;
}

/** Minimal RFC 5545 reading: unfold continuation lines, split "NAME;PARAMS:VALUE". */
function parseIcs(text: string): Property[] {
  expect(text).toMatch(/\r\n/);
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      const head = line.slice(0, colon);
      const [name = '', ...params] = head.split(';');
      return { name, params: params.join(';'), value: line.slice(colon + 1) };
    });
}

function one(properties: Property[], name: string): Property {
  const found = properties.filter((p) => p.name === name);
  expect(found, name).toHaveLength(1);
  return found[0] as Property;
}

const unescape = (value: string): string => value.replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, '\n');

describe('calendar invites', () => {
  const base: InviteInput = {
    uid: newInviteUid(),
    start: new Date('2026-12-01T15:00:00.000Z'),
    end: new Date('2026-12-01T15:45:00.000Z'),
    organizerEmail: 'm.helper@hospital.example',
    attendeeEmail: 'zelda.quillfeather@hospital.example',
    sequence: 0,
    location: 'Building C, room 4.12',
    now: new Date('2026-11-25T09:00:00.000Z'),
  };

  it('has a neutral title by default and nothing that names the subject, a reason or a role', () => {
    const text = buildInvite(base);
    const props = parseIcs(text);
    expect(one(props, 'METHOD').value).toBe('REQUEST');
    expect(one(props, 'SUMMARY').value).toBe(DEFAULT_INVITE_TITLE);
    expect(DEFAULT_INVITE_TITLE).toBe('Conversation');
    expect(one(props, 'STATUS').value).toBe('CONFIRMED');
    expect(one(props, 'UID').value).toBe(base.uid);
    expect(one(props, 'SEQUENCE').value).toBe('0');
    expect(one(props, 'DTSTART').value).toBe('20261201T150000Z');
    expect(one(props, 'DTEND').value).toBe('20261201T154500Z');
    expect(unescape(one(props, 'LOCATION').value)).toBe('Building C, room 4.12');
    expect(one(props, 'ORGANIZER').value.toLowerCase()).toBe('mailto:m.helper@hospital.example');
    expect(one(props, 'ATTENDEE').value.toLowerCase()).toBe('mailto:zelda.quillfeather@hospital.example');

    const lower = text.toLowerCase();
    expect(lower).not.toContain('support');
    for (const reason of REASON_CATEGORIES) {
      expect(lower).not.toContain(reason);
      if (reason !== 'other') expect(lower).not.toContain(reason.replace(/_/g, ' '));
    }
    for (const role of ROLES) {
      expect(lower).not.toContain(role);
      expect(lower).not.toContain(ROLE_LABELS[role].toLowerCase());
    }
    // The only names are the app's: no person's name is in the invite.
    expect(text).not.toMatch(/Zelda|Quillfeather|Helper/);
  });

  it('keeps the UID and raises SEQUENCE on reschedule, and cancels with METHOD:CANCEL', () => {
    const first = parseIcs(buildInvite({ ...base, title: 'Catch-up' }));
    const moved = parseIcs(
      buildInvite({
        ...base,
        title: 'Catch-up',
        sequence: 1,
        start: new Date('2026-12-02T10:00:00Z'),
        end: new Date('2026-12-02T10:30:00Z'),
      }),
    );
    const cancelled = parseIcs(
      buildInvite({
        ...base,
        title: 'Catch-up',
        sequence: 2,
        cancelled: true,
        start: new Date('2026-12-02T10:00:00Z'),
        end: new Date('2026-12-02T10:30:00Z'),
      }),
    );

    expect(one(first, 'SUMMARY').value).toBe('Catch-up');
    expect(one(moved, 'UID').value).toBe(one(first, 'UID').value);
    expect(one(cancelled, 'UID').value).toBe(one(first, 'UID').value);
    expect(Number(one(moved, 'SEQUENCE').value)).toBeGreaterThan(Number(one(first, 'SEQUENCE').value));
    expect(Number(one(cancelled, 'SEQUENCE').value)).toBeGreaterThan(Number(one(moved, 'SEQUENCE').value));
    expect(one(moved, 'DTSTART').value).toBe('20261202T100000Z');
    expect(one(moved, 'METHOD').value).toBe('REQUEST');

    expect(one(cancelled, 'METHOD').value).toBe('CANCEL');
    expect(one(cancelled, 'STATUS').value).toBe('CANCELLED');
  });

  it('refuses titles, descriptions, locations and addresses that reveal what it is about', () => {
    const refused: Partial<InviteInput>[] = [
      { title: 'Peer support' },
      { title: 'Support call' },
      { title: 'PEER-SUPPORT' },
      { title: 'Supportive chat' },
      { title: 'Adverse event debrief' },
      { title: 'Patient death follow-up' },
      { title: 'Burnout check-in' },
      { title: 'Litigation' },
      { title: 'Talk about the complaint' },
      { title: 'Violence' },
      { title: 'Personal' },
      { title: 'Other' },
      { title: 'Call with your peer' },
      { title: 'Meeting with a peer supporter' },
      { title: 'Program director meeting' },
      { title: 'staff_member conversation' },
      { title: '   ' },
      { description: 'About the adverse_event on ward 3' },
      { location: 'https://meet.example/peer-support-room' },
      { location: 'Wellbeing & Support Centre' },
      { organizerEmail: 'peersupport@hospital.example' },
      { attendeeEmail: 'support-team@hospital.example' },
      { url: 'https://peerline.example/support' },
    ];
    for (const change of refused) {
      expect(() => buildInvite({ ...base, ...change }), JSON.stringify(change)).toThrow(ForbiddenInviteTextError);
    }
    for (const title of ['Conversation', 'Catch-up', 'Coffee', 'Another chat', 'Meeting', 'Check-in with a colleague']) {
      expect(() => assertNeutralInviteText('title', title), title).not.toThrow();
    }
  });

  it('refuses record ids as UID and invalid times or sequences', () => {
    expect(() => buildInvite({ ...base, uid: newId() })).toThrow(/opaque/);
    expect(() => buildInvite({ ...base, uid: `${newId().replace(/-/g, '')}@peerline` })).toThrow(/opaque/);
    expect(() => buildInvite({ ...base, sequence: -1 })).toThrow();
    expect(() => buildInvite({ ...base, sequence: 1.5 })).toThrow();
    expect(() => buildInvite({ ...base, end: base.start })).toThrow();
    expect(() => buildInvite({ ...base, url: `https://peerline.example/cases/${newId()}` })).toThrow();
    expect(newInviteUid()).not.toBe(newInviteUid());
  });
});
