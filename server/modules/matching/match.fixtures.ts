import type { MatchRequest, SupporterCandidate } from './match.ts';

/** Builders for the matching tests: a plain request and a supporter who passes every rule. */
export const NOW = '2025-03-10T09:00:00.000Z';

export function request(overrides: Partial<MatchRequest> = {}): MatchRequest {
  return {
    requesterPersonId: 'requester',
    requesterProfessionCategory: 'physician',
    requesterDepartmentId: 'dept-er',
    requesterSpecialty: null,
    reportingLine: [],
    involvedPersonIds: [],
    departmentPreference: 'no_preference',
    programRequiresOtherDepartment: false,
    language: null,
    languageRequired: false,
    modality: 'phone',
    reason: 'other',
    urgency: 'this_week',
    excludeSupporterIds: [],
    now: NOW,
    ...overrides,
  };
}

export function supporter(personId: string, overrides: Partial<SupporterCandidate> = {}): SupporterCandidate {
  return {
    personId,
    certified: true,
    active: true,
    paused: false,
    professionCategory: 'allied_health',
    departmentId: 'dept-icu',
    specialty: null,
    languages: ['en'],
    modalities: ['phone', 'video', 'in_person'],
    capacity: 4,
    openCases: 0,
    onCallNow: false,
    nextAvailableAt: null,
    experienceTags: [],
    ...overrides,
  };
}
