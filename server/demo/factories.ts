import { needsSecondFactor, type Role } from '../../shared/permissions.ts';
import type { ContactMethod } from '../../shared/schemas/case.ts';
import type { CaseOrigin, CaseOutcome, CaseState, ReasonCategory } from '../../shared/schemas/case-vocabulary.ts';
import type { ProfessionCategory } from '../../shared/schemas/organization.ts';
import type { ResourceCategory } from '../../shared/schemas/resources.ts';
import type { Clock } from '../config.ts';
import type { DbOrTrx } from '../db/database.ts';
import { newId } from '../db/values.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import type { SupporterState } from '../../shared/supporter-lifecycle.ts';

/**
 * Builders shared by the tests and the demo seed: each creates what it needs when not given, so a
 * test builds its own world (an organisation of its own) and never leans on seed data.
 */

export const DEFAULT_PROFESSIONS: { name: string; category: ProfessionCategory }[] = [
  { name: 'Physician', category: 'physician' },
  { name: 'Resident / fellow', category: 'resident_fellow' },
  { name: 'Nurse', category: 'nurse' },
  { name: 'Advanced practice provider', category: 'advanced_practice_provider' },
  { name: 'Pharmacist', category: 'pharmacist' },
  { name: 'Allied health', category: 'allied_health' },
  { name: 'Other', category: 'other' },
];

let counter = 0;
function unique(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

// One argon2id hash per distinct password per process: hashing is deliberately slow (~60 ms).
const hashCache = new Map<string, Promise<string>>();
export function cachedPasswordHash(password: string): Promise<string> {
  let hashed = hashCache.get(password);
  if (!hashed) {
    hashed = hashPassword(password);
    hashCache.set(password, hashed);
  }
  return hashed;
}

export interface BuiltOrganization {
  id: string;
  slug: string;
  name: string;
  professions: Record<ProfessionCategory, string>;
  supportLineIds: string[];
}

export async function buildOrganization(
  db: DbOrTrx,
  clock: Clock,
  overrides: { name?: string; slug?: string; programName?: string; timeZone?: string } = {},
): Promise<BuiltOrganization> {
  const id = newId();
  const slug = overrides.slug ?? `org-${unique()}`;
  const name = overrides.name ?? `Test Hospital ${slug}`;
  const at = clock.now().toISOString();
  await db
    .insertInto('organizations')
    .values({
      id,
      slug,
      name,
      program_name: overrides.programName ?? 'Peer Support Program',
      time_zone: overrides.timeZone ?? 'America/New_York',
      created_at: at,
    })
    .execute();
  const professions = {} as Record<ProfessionCategory, string>;
  for (const p of DEFAULT_PROFESSIONS) {
    const pid = newId();
    professions[p.category] = pid;
    await db
      .insertInto('professions')
      .values({ id: pid, organization_id: id, name: p.name, category: p.category, active: true, created_at: at })
      .execute();
  }
  const supportLineIds = [newId(), newId()];
  await db
    .insertInto('support_lines')
    .values([
      {
        id: supportLineIds[0]!,
        organization_id: id,
        kind: 'physician_support_line',
        name: 'Physician Support Line',
        phone: '1-888-409-0141',
        // Per its FAQ: 8 am – 1 am Eastern, every day. Hours change, so they are data.
        hours: JSON.stringify([{ days: [0, 1, 2, 3, 4, 5, 6], opens: '08:00', closes: '01:00' }]),
        time_zone: 'America/New_York',
        description: 'Free and confidential, staffed by volunteer psychiatrists. No appointment needed.',
        sort_order: 1,
      },
      {
        id: supportLineIds[1]!,
        organization_id: id,
        kind: 'crisis_line',
        name: '988 Suicide & Crisis Lifeline',
        phone: '988',
        hours: JSON.stringify([]),
        time_zone: 'America/New_York',
        description: 'Call or text 988, any time, day or night.',
        sort_order: 2,
      },
    ])
    .execute();
  // The two resources every program has; the rest of the referral directory is local.
  for (const [category, resourceName, phone, description] of [
    ['physician_support_line', 'Physician Support Line', '1-888-409-0141', 'Free, confidential peer support from volunteer psychiatrists.'],
    ['crisis_line', '988 Suicide & Crisis Lifeline', '988', 'Call or text 988, any time.'],
  ] as const) {
    await buildResource(db, clock, id, { category, name: resourceName, phone, description, sortOrder: 1 });
  }
  return { id, slug, name, professions, supportLineIds };
}

export async function buildResource(
  db: DbOrTrx,
  clock: Clock,
  organizationId: string,
  overrides: {
    category?: ResourceCategory;
    name?: string;
    phone?: string | null;
    url?: string | null;
    hours?: string | null;
    description?: string;
    active?: boolean;
    sortOrder?: number;
  } = {},
): Promise<string> {
  const id = newId();
  const at = clock.now().toISOString();
  await db
    .insertInto('resources')
    .values({
      id,
      organization_id: organizationId,
      category: overrides.category ?? 'therapy_eap',
      name: overrides.name ?? `Resource ${unique()}`,
      phone: overrides.phone ?? null,
      url: overrides.url ?? null,
      hours: overrides.hours ?? null,
      description: overrides.description ?? '',
      active: overrides.active ?? true,
      sort_order: overrides.sortOrder ?? 100,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** A supporter profile row; `certifiedUntil` defaults to a year after the clock's today. */
export async function buildSupporterProfile(
  db: DbOrTrx,
  clock: Clock,
  organizationId: string,
  personId: string,
  overrides: {
    status?: SupporterState;
    certifiedUntil?: string | null;
    capacity?: number;
    modalities?: string[];
    experienceTags?: string[];
  } = {},
): Promise<void> {
  const now = clock.now();
  const nextYear = new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
  await db
    .insertInto('supporter_profiles')
    .values({
      person_id: personId,
      organization_id: organizationId,
      status: overrides.status ?? 'active',
      certified_until: overrides.certifiedUntil === undefined ? nextYear : overrides.certifiedUntil,
      capacity: overrides.capacity ?? 3,
      modalities: JSON.stringify(overrides.modalities ?? ['phone', 'video', 'in_person']),
      experience_tags: JSON.stringify(overrides.experienceTags ?? []),
      weekly_availability: '[]',
      away_periods: '[]',
      paused_until: null,
      updated_at: now.toISOString(),
    })
    .execute();
}

export async function buildSite(db: DbOrTrx, clock: Clock, organizationId: string, name = `Site ${unique()}`) {
  const id = newId();
  await db
    .insertInto('sites')
    .values({ id, organization_id: organizationId, name, active: true, created_at: clock.now().toISOString() })
    .execute();
  return id;
}

export async function buildDepartment(
  db: DbOrTrx,
  clock: Clock,
  organizationId: string,
  overrides: { name?: string; siteId?: string | null; parentId?: string | null } = {},
) {
  const id = newId();
  await db
    .insertInto('departments')
    .values({
      id,
      organization_id: organizationId,
      name: overrides.name ?? `Department ${unique()}`,
      site_id: overrides.siteId ?? null,
      parent_id: overrides.parentId ?? null,
      active: true,
      created_at: clock.now().toISOString(),
    })
    .execute();
  return id;
}

export interface PersonOverrides {
  firstName?: string;
  lastName?: string;
  email?: string;
  professionId?: string | null;
  departmentId?: string | null;
  specialty?: string | null;
  languages?: string[];
  managerId?: string | null;
  active?: boolean;
  roles?: Role[];
  /** Creates a sign-in account with this password. */
  password?: string;
  /**
   * The account's authenticator app is set up with this base32 secret (needs `password`). By default
   * accounts whose roles need two-step sign-in have FACTORY_TOTP_SECRET, as people who have been
   * using Peerline would; `null` leaves it to be set up at first sign-in.
   */
  totpSecret?: string | null;
}

/** The authenticator secret of factory-made accounts that need one (see PersonOverrides.totpSecret). */
export const FACTORY_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export interface BuiltPerson {
  id: string;
  email: string;
  accountId: string | null;
}

export async function buildPerson(
  db: DbOrTrx,
  clock: Clock,
  organizationId: string,
  overrides: PersonOverrides = {},
): Promise<BuiltPerson> {
  const id = newId();
  const at = clock.now().toISOString();
  const email = (overrides.email ?? `person-${unique()}@test.peerline.test`).toLowerCase();
  await db
    .insertInto('people')
    .values({
      id,
      organization_id: organizationId,
      first_name: overrides.firstName ?? 'Alex',
      last_name: overrides.lastName ?? `Tester-${unique()}`,
      work_email: email,
      profession_id: overrides.professionId ?? null,
      department_id: overrides.departmentId ?? null,
      specialty: overrides.specialty ?? null,
      languages: JSON.stringify(overrides.languages ?? ['en']),
      manager_id: overrides.managerId ?? null,
      active: overrides.active ?? true,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const roles = overrides.roles ?? ['staff_member'];
  if (roles.length) {
    await db
      .insertInto('role_grants')
      .values(roles.map((role) => ({ organization_id: organizationId, person_id: id, role, granted_by: null, granted_at: at })))
      .execute();
  }
  let accountId: string | null = null;
  const totpSecret =
    overrides.totpSecret === undefined ? (needsSecondFactor(roles, false) ? FACTORY_TOTP_SECRET : null) : overrides.totpSecret;
  if (overrides.password !== undefined) {
    accountId = newId();
    await db
      .insertInto('accounts')
      .values({
        id: accountId,
        organization_id: organizationId,
        person_id: id,
        email,
        password_hash: await cachedPasswordHash(overrides.password),
        created_at: at,
        password_changed_at: at,
        last_login_at: null,
        ...(totpSecret ? { totp_secret: totpSecret, totp_enrolled_at: at } : {}),
      })
      .execute();
  }
  return { id, email, accountId };
}

export interface CaseOverrides {
  origin?: CaseOrigin;
  state?: CaseState;
  requesterPersonId?: string | null;
  requesterFirstName?: string | null;
  contactMethod?: ContactMethod;
  contactValue?: string | null;
  matchReasons?: { code: string; text: string }[];
  reason?: ReasonCategory;
  assignedSupporterId?: string | null;
  offeredSupporterId?: string | null;
  anonymousCode?: string | null;
  anonymousSecretHash?: string | null;
  outcome?: CaseOutcome | null;
  closedAt?: string | null;
}

/** A case row as intake would store it, without running matching (tests set up the state they need). */
export async function buildCase(db: DbOrTrx, clock: Clock, organizationId: string, overrides: CaseOverrides = {}): Promise<string> {
  const id = newId();
  const at = clock.now().toISOString();
  await db
    .insertInto('cases')
    .values({
      id,
      organization_id: organizationId,
      origin: overrides.origin ?? 'self',
      state: overrides.state ?? 'new',
      outcome: overrides.outcome ?? null,
      reason: overrides.reason ?? 'burnout_or_overload',
      urgency: 'this_week',
      modality: 'phone',
      language: null,
      language_required: false,
      department_preference: 'no_preference',
      requester_profession_category: 'physician',
      requester_department_id: null,
      requester_person_id: overrides.requesterPersonId ?? null,
      requester_first_name: overrides.requesterFirstName ?? 'Robin',
      contact_method: overrides.contactMethod ?? 'personal_phone',
      contact_value: overrides.contactValue ?? '+1 555 0199',
      anonymous_code: overrides.anonymousCode ?? null,
      anonymous_secret_hash: overrides.anonymousSecretHash ?? null,
      requester_informed: null,
      assigned_supporter_id: overrides.assignedSupporterId ?? null,
      offered_supporter_id: overrides.offeredSupporterId ?? null,
      contact_attempts: 0,
      relaxed_rules: '[]',
      created_at: at,
      updated_at: at,
      assigned_at: overrides.assignedSupporterId ? at : null,
      first_contact_at: null,
      closed_at: overrides.closedAt ?? null,
    })
    .execute();
  return id;
}

/** A case offered to `supporterId` with a pending offer (4 h window); returns both ids. */
export async function buildOffer(db: DbOrTrx, clock: Clock, organizationId: string, supporterId: string, overrides: CaseOverrides = {}) {
  const caseId = await buildCase(db, clock, organizationId, { ...overrides, state: 'offered', offeredSupporterId: supporterId });
  const offerId = newId();
  const now = clock.now();
  await db
    .insertInto('case_offers')
    .values({
      id: offerId,
      organization_id: organizationId,
      case_id: caseId,
      supporter_id: supporterId,
      status: 'pending',
      decline_reason: null,
      match_reasons: JSON.stringify(overrides.matchReasons ?? []),
      offered_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 4 * 3_600_000).toISOString(),
      responded_at: null,
    })
    .execute();
  return { caseId, offerId };
}
