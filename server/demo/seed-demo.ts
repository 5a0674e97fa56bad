import { needsSecondFactor, type Role } from '../../shared/permissions.ts';
import type { ProfessionCategory } from '../../shared/schemas/organization.ts';
import type { Trx } from '../db/database.ts';
import type { AppContext } from '../lib/context.ts';
import { newCase, type Case } from '../modules/cases/case.ts';
import { buildMatchRequest, loadCandidates } from '../modules/cases/match-input.ts';
import { offerExpiryJob } from '../modules/cases/offer-expiry.job.ts';
import { matchSupporters } from '../modules/matching/match.ts';
import {
  buildCase,
  buildDepartment,
  buildOffer,
  buildOrganization,
  buildPerson,
  buildResource,
  buildSite,
  buildSupporterProfile,
  type CaseOverrides,
} from './factories.ts';
import { seedCaseHistory, type HistoryPeople } from './demo-history.ts';
import { seedDemoNotices } from './demo-notices.ts';
import { seedDemoDebriefs } from './demo-debriefs.ts';
import { startMissingFirstContactClocks } from '../modules/service-levels/first-contact-clock.ts';
import { seedDemoTeam } from './demo-team.ts';
import { seedDemoTraining } from './demo-training.ts';
import { seedDemoTeamMeetings } from './demo-team-meetings.ts';
import { seedDemoReportHistory } from './demo-report-history.ts';
import { seedDemoSetup } from './demo-setup.ts';
import { seedDemoRota } from './demo-rota.ts';
import { seedDemoPaging } from './demo-paging.ts';
import { seedDemoServiceLevels } from './demo-service-levels.ts';

export const DEMO_PASSWORD = 'peerline-demo';
/**
 * The demo's one authenticator secret, published in the README, for the accounts whose roles need
 * two-step sign-in (director, administrator, IT administrator). Add it to any authenticator app, or
 * print the current code with `npm run demo-code`. Only the demo organisation has it.
 */
export const DEMO_TOTP_SECRET = 'PEERLINEDEMOPEERLINEDEMOPEERLINE';
export const DEMO_ORG_SLUG = 'demo';

/** The demo accounts printed at start and listed in the README. */
export const DEMO_ACCOUNTS: {
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  profession: ProfessionCategory;
  department: string;
  specialty?: string;
}[] = [
  {
    email: 'director@demo.peerline.test',
    firstName: 'Dana',
    lastName: 'Whitfield',
    roles: ['program_director', 'staff_member'],
    profession: 'physician',
    department: 'Psychiatry',
    specialty: 'Psychiatry',
  },
  {
    email: 'admin@demo.peerline.test',
    firstName: 'Marcus',
    lastName: 'Oyelaran',
    roles: ['program_admin', 'staff_member'],
    profession: 'nurse',
    department: 'Critical Care',
  },
  {
    email: 'supporter@demo.peerline.test',
    firstName: 'Priya',
    lastName: 'Raman',
    roles: ['peer_supporter', 'staff_member'],
    profession: 'physician',
    department: 'Emergency Medicine',
    specialty: 'Emergency medicine',
  },
  {
    email: 'clinician@demo.peerline.test',
    firstName: 'Tomás',
    lastName: 'Alvarez',
    roles: ['staff_member'],
    profession: 'physician',
    department: 'Surgery',
    specialty: 'General surgery',
  },
  {
    email: 'leader@demo.peerline.test',
    firstName: 'Helen',
    lastName: 'Castellano',
    roles: ['leadership_viewer', 'staff_member'],
    profession: 'physician',
    department: 'Internal Medicine',
    specialty: 'Chief medical officer',
  },
  {
    email: 'reporter@demo.peerline.test',
    firstName: 'Grace',
    lastName: 'Lindqvist',
    roles: ['event_reporter', 'staff_member'],
    profession: 'nurse',
    department: 'Internal Medicine',
    specialty: 'Patient safety',
  },
  {
    email: 'it@demo.peerline.test',
    firstName: 'Samir',
    lastName: 'Haddad',
    roles: ['it_admin'],
    profession: 'other',
    department: 'Radiology',
    specialty: 'Information technology',
  },
];

const DEMO_RESOURCES = [
  {
    category: 'therapy_eap',
    name: 'Employee Assistance Program',
    phone: '1-800-555-0142',
    hours: 'Around the clock',
    description: 'Up to six free, confidential counselling sessions.',
  },
  {
    category: 'psychiatry_backup',
    name: 'Clinician wellness psychiatry clinic',
    phone: '555-0187',
    hours: 'Weekdays 8–17, urgent same day',
    description: 'Rapid, confidential appointments for staff, outside the staff’s own department.',
  },
  {
    category: 'legal_risk_management',
    name: 'Risk management (claims support)',
    phone: '555-0166',
    hours: 'Weekdays 8–17',
    description: 'What to expect after a claim or complaint, and your rights.',
  },
  {
    category: 'disclosure_coaching',
    name: 'Communication and resolution team',
    phone: '555-0120',
    hours: 'Weekdays',
    description: 'Coaching before a disclosure or apology conversation.',
  },
  {
    category: 'time_off',
    name: 'Schedule relief (medical staff office)',
    phone: '555-0101',
    hours: 'Weekdays 7–19',
    description: 'Same-day cover so you can step away after a hard event.',
  },
  {
    category: 'chaplaincy',
    name: 'Spiritual care',
    phone: '555-0199',
    hours: 'Around the clock, on call at night',
    description: 'Chaplains of many traditions and none.',
  },
  {
    category: 'grief_counselling',
    name: 'Bereavement counselling service',
    phone: '555-0133',
    hours: 'Weekdays',
    description: 'Support after the death of a patient or a colleague.',
  },
] as const;

const SITES = ['Riverside Medical Center', 'Northgate Community Hospital'];
/** [name, site index, parent name?] — 12 departments plus 3 units under them. */
const DEPARTMENTS: [string, number, string?][] = [
  ['Emergency Medicine', 0],
  ['Critical Care', 0],
  ['Surgery', 0],
  ['Internal Medicine', 0],
  ['Pediatrics', 0],
  ['Obstetrics & Gynecology', 1],
  ['Anesthesiology', 0],
  ['Oncology', 1],
  ['Cardiology', 1],
  ['Psychiatry', 1],
  ['Pharmacy', 0],
  ['Radiology', 1],
  ['Medical ICU', 0, 'Critical Care'],
  ['Surgical ICU', 0, 'Critical Care'],
  ['Neonatal ICU', 0, 'Pediatrics'],
];
const FIRST = [
  'Olivia',
  'Liam',
  'Amara',
  'Noah',
  'Sofia',
  'Ethan',
  'Mei',
  'Lucas',
  'Aisha',
  'Mateo',
  'Hannah',
  'Kwame',
  'Elena',
  'Yusuf',
  'Chloe',
  'Ravi',
  'Ingrid',
  'Diego',
  'Fatima',
  'Jonah',
  'Leila',
  'Owen',
  'Nadia',
  'Felix',
  'Zara',
  'Caleb',
  'Ana',
  'Hiro',
  'Maya',
  'Isaac',
  'Greta',
  'Omar',
  'Lucia',
  'Arjun',
  'Nora',
  'Tariq',
  'Julia',
  'Kofi',
  'Ava',
  'Sven',
];
const LAST = [
  'Nguyen',
  'Patel',
  'Okafor',
  'Schmidt',
  'Garcia',
  'Kim',
  'Haddad',
  'Johansson',
  'Moreau',
  'Silva',
  'Cohen',
  'Mensah',
  'Rossi',
  'Tanaka',
  'Novak',
  'Fischer',
  'Ibrahim',
  'Kowalski',
  'Hughes',
  'Delgado',
  'Ahmed',
  'Bauer',
  'Costa',
  'Larsen',
  'Murphy',
  'Yilmaz',
  'Dubois',
  'Singh',
  'Walsh',
  'Ortiz',
];
const SPECIALTIES: Partial<Record<string, string[]>> = {
  'Emergency Medicine': ['Emergency medicine'],
  Surgery: ['General surgery', 'Trauma surgery', 'Orthopaedics'],
  'Internal Medicine': ['Hospital medicine', 'Nephrology'],
  Pediatrics: ['General pediatrics'],
  Oncology: ['Medical oncology'],
  Cardiology: ['Interventional cardiology'],
  Anesthesiology: ['Anesthesiology'],
  'Obstetrics & Gynecology': ['Obstetrics'],
};
/** Share of staff per profession, roughly like a hospital's clinical workforce. */
const PROFESSION_MIX: [ProfessionCategory, number][] = [
  ['nurse', 0.42],
  ['physician', 0.2],
  ['resident_fellow', 0.12],
  ['advanced_practice_provider', 0.08],
  ['pharmacist', 0.05],
  ['allied_health', 0.1],
  ['other', 0.03],
];

/** A small deterministic generator, so every fresh demo looks the same. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemoIfEmpty(ctx: AppContext): Promise<{ organizationName: string } | null> {
  const existing = await ctx.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const seeded = await ctx.db.transaction().execute(async (trx) => {
    const org = await buildOrganization(trx, ctx.clock, {
      name: 'Demo Health System',
      slug: DEMO_ORG_SLUG,
      programName: 'Peer Support Program',
    });
    const siteIds = [];
    for (const name of SITES) siteIds.push(await buildSite(trx, ctx.clock, org.id, name));
    const departments = new Map<string, string>();
    for (const [name, site, parent] of DEPARTMENTS) {
      departments.set(
        name,
        await buildDepartment(trx, ctx.clock, org.id, { name, siteId: siteIds[site], parentId: parent ? departments.get(parent) : null }),
      );
    }
    const random = mulberry32(20261125);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const pickProfession = (): ProfessionCategory => {
      let roll = random();
      for (const [category, share] of PROFESSION_MIX) if ((roll -= share) < 0) return category;
      return 'other';
    };

    for (const resource of DEMO_RESOURCES) await buildResource(trx, ctx.clock, org.id, resource);
    const supporterIds: string[] = [];
    const demoIds = new Map<string, string>();

    for (const account of DEMO_ACCOUNTS) {
      const built = await buildPerson(trx, ctx.clock, org.id, {
        email: account.email,
        firstName: account.firstName,
        lastName: account.lastName,
        roles: account.roles,
        professionId: org.professions[account.profession],
        departmentId: departments.get(account.department) ?? null,
        specialty: account.specialty ?? null,
        languages: ['en'],
        password: DEMO_PASSWORD,
        ...(needsSecondFactor(account.roles, false) ? { totpSecret: DEMO_TOTP_SECRET } : {}),
      });
      demoIds.set(account.email.split('@')[0]!, built.id);
      if (account.roles.includes('peer_supporter')) supporterIds.push(built.id);
    }

    // A chief per top-level department, whom the department's staff report to.
    const chiefs = new Map<string, string>();
    const used = new Set<string>();
    const names = () => {
      for (;;) {
        const first = pick(FIRST),
          last = pick(LAST);
        const email = `${first}.${last}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z.]/g, '');
        for (let n = 1; n < 50; n++) {
          const candidate = n === 1 ? email : `${email}${n}`;
          if (!used.has(candidate)) {
            used.add(candidate);
            return { first, last, email: `${candidate}@demo.peerline.test` };
          }
        }
      }
    };
    for (const [name, , parent] of DEPARTMENTS) {
      if (parent) continue;
      const n = names();
      const chief = await buildPerson(trx, ctx.clock, org.id, {
        firstName: n.first,
        lastName: n.last,
        email: n.email,
        professionId: org.professions[name === 'Pharmacy' ? 'pharmacist' : 'physician'],
        departmentId: departments.get(name) ?? null,
        specialty: `Chief, ${name}`,
        languages: ['en'],
      });
      chiefs.set(name, chief.id);
    }
    const departmentNames = DEPARTMENTS.map(([name]) => name);
    const requesters: HistoryPeople['staff'] = [];
    const staffCount = 300 - DEMO_ACCOUNTS.length - chiefs.size;
    for (let i = 0; i < staffCount; i++) {
      const n = names();
      const department = pick(departmentNames);
      const topLevel = DEPARTMENTS.find(([d]) => d === department)?.[2] ?? department;
      const profession = pickProfession();
      const languages = random() < 0.18 ? ['en', pick(['es', 'fr', 'pt', 'zh', 'ar', 'hi', 'tl'])] : ['en'];
      // 19 more peer supporters besides the demo one: 20 in all, across professions.
      const roles: Role[] = i < 19 ? ['peer_supporter', 'staff_member'] : ['staff_member'];
      const person = await buildPerson(trx, ctx.clock, org.id, {
        firstName: n.first,
        lastName: n.last,
        email: n.email,
        professionId: org.professions[profession],
        departmentId: departments.get(department) ?? null,
        specialty: profession === 'physician' ? (SPECIALTIES[topLevel]?.[0] ?? null) : null,
        languages,
        managerId: chiefs.get(topLevel) ?? null,
        roles,
        active: i < 19 || random() > 0.02,
      });
      if (i < 19) supporterIds.push(person.id);
      else if (requesters.length < 4) requesters.push({ id: person.id, firstName: n.first, email: person.email });
    }
    // Certified supporters with varied capacity, modalities and shared lived experience.
    for (const [index, personId] of supporterIds.entries()) {
      await buildSupporterProfile(trx, ctx.clock, org.id, personId, {
        // The demo supporter holds three open demo cases and needs room for the ones tests and visitors add.
        capacity: index === 0 ? 6 : 2 + (index % 3),
        modalities: index % 4 === 3 ? ['phone', 'video'] : ['phone', 'video', 'in_person'],
        experienceTags: [
          ['adverse_event'],
          ['patient_death', 'bereavement'],
          ['litigation_or_complaint'],
          ['burnout_or_overload', 'parenting'],
          [],
        ][index % 5],
        // One on a break, one retired, one whose certification ran out last month (docs/team.md).
        status: index === 7 ? 'paused' : index === 17 ? 'retired' : index === 18 ? 'lapsed' : 'active',
        ...(index === 18 ? { certifiedUntil: new Date(ctx.clock.now().getTime() - 30 * 86_400_000).toISOString().slice(0, 10) } : {}),
      });
    }
    // The weeks before today first, so today's offer shows the supporter's real load among its reasons.
    await seedCaseHistory(ctx, trx, {
      organizationId: org.id,
      demoSupporter: demoIds.get('supporter')!,
      otherSupporters: supporterIds.slice(1),
      staff: requesters,
    });
    await seedDemoCases(ctx, trx, org.id, demoIds, supporterIds);
    // A weekly on-call rotation of the demo supporter and three colleagues, with a shift and an override.
    await seedDemoRota(trx, org.id, supporterIds.slice(0, 4), ctx.clock.now());
    // Service-level targets on a Monday–Friday calendar with the year-end holidays.
    await seedDemoServiceLevels(trx, org.id, ctx.clock.now());
    // The default urgent paging chain: on call → backup → administrators → director, 15 minutes apart.
    await seedDemoPaging(trx, org.id, ctx.clock.now());
    return { organizationName: org.name, organizationId: org.id };
  });
  // Event notices go through the real filing service, which runs its own transactions.
  await seedDemoNotices(ctx, seeded.organizationId);
  // Two group debriefs after those notices: one held (head count and length), one coming up.
  await seedDemoDebriefs(ctx, seeded.organizationId);
  // The team pipeline: someone nominated, under review, in training, certified, not taken on.
  await seedDemoTeam(ctx, seeded.organizationId);
  // Training for the cohort: a session held with partial attendance and a role-play, one coming up.
  await seedDemoTraining(ctx, seeded.organizationId);
  // Looking after the team: a community meeting and a supervision held with who came, one of each coming up.
  await seedDemoTeamMeetings(ctx, seeded.organizationId);
  // A year of finished requests behind the live ones, for the Reports page.
  await seedDemoReportHistory(ctx, seeded.organizationId);
  // The sponsor and the legal protection, recorded at the program's start.
  await seedDemoSetup(ctx, seeded.organizationId);
  // The factories store the demo cases' due times but queue no breach check: give each open case
  // waiting for first contact its check now, as a real intake would have.
  await startMissingFirstContactClocks(ctx);
  return { organizationName: seeded.organizationName };
}

/**
 * Today's requests, so each demo account has something to see: the clinician's request assigned to
 * the demo supporter, an anonymous request waiting for the supporter's answer, one that found nobody
 * yet, and one the requester withdrew. The weeks before are in demo-history.ts.
 */
async function seedDemoCases(ctx: AppContext, trx: Trx, organizationId: string, demoIds: Map<string, string>, supporterIds: string[]) {
  const supporter = demoIds.get('supporter')!;
  const clinician = demoIds.get('clinician')!;
  const clinicianRow = await trx
    .selectFrom('people')
    .select(['first_name', 'work_email'])
    .where('id', '=', clinician)
    .executeTakeFirstOrThrow();
  // Hours old, so the board shows live clocks: one due soon, one overdue with nobody on it yet.
  const hoursAgo = (hours: number) => ({ now: () => new Date(ctx.clock.now().getTime() - hours * 3_600_000) });
  await buildCase(trx, hoursAgo(20), organizationId, {
    state: 'assigned',
    reason: 'adverse_event',
    requesterPersonId: clinician,
    requesterFirstName: clinicianRow.first_name,
    contactMethod: 'work_email',
    contactValue: clinicianRow.work_email,
    assignedSupporterId: supporter,
  });
  // The reasons shown with the offer are the matcher's own, for this supporter and this request.
  const request = {
    origin: 'anonymous',
    reason: 'litigation_or_complaint',
    requesterFirstName: 'Jordan',
    contactValue: '+1 555 0134',
  } satisfies CaseOverrides;
  const org = await trx.selectFrom('organizations').select('time_zone').where('id', '=', organizationId).executeTakeFirstOrThrow();
  const candidates = (await loadCandidates(trx, organizationId, org.time_zone, ctx.clock.now())).filter((c) => c.personId === supporter);
  const probe: Case = {
    ...newCase(organizationId, request.origin, ctx.clock.now()),
    id: 'demo',
    requester_profession_category: 'physician',
    reason: request.reason,
  };
  const matched = matchSupporters(await buildMatchRequest(trx, probe, ctx.clock.now()), candidates);
  const { offerId } = await buildOffer(trx, ctx.clock, organizationId, supporter, {
    ...request,
    matchReasons: matched.best?.reasons ?? [],
  });
  const expiresAt = (await trx.selectFrom('case_offers').select('expires_at').where('id', '=', offerId).executeTakeFirstOrThrow())
    .expires_at;
  await offerExpiryJob.enqueue(
    trx,
    { offerId },
    { runAt: new Date(expiresAt), dedupeKey: `offer-expiry:${offerId}`, now: ctx.clock.now() },
  );
  await buildCase(trx, hoursAgo(26), organizationId, {
    state: 'new',
    reason: 'burnout_or_overload',
    origin: 'anonymous',
    requesterFirstName: 'Alex',
  });
  const at = hoursAgo(30).now().toISOString();
  await buildCase(trx, hoursAgo(50), organizationId, {
    state: 'withdrawn',
    outcome: 'withdrawn',
    closedAt: at,
    reason: 'personal',
    requesterPersonId: demoIds.get('reporter')!,
    requesterFirstName: 'Grace',
    assignedSupporterId: supporterIds[1] ?? null,
  });
}
