import type { SupporterProfilesTable } from '../../db/schema-support.ts';

export type ProfileRow = Omit<SupporterProfilesTable, 'person_id' | 'organization_id' | 'updated_at' | 'state_since'>;

/**
 * A profile nobody has set yet: two cases, every modality, no certification. `status` is the
 * lifecycle state; someone given the supporter role by hand starts `active` but uncertified, so is
 * never matched until the director records a certification (docs/team.md).
 */
export const DEFAULT_PROFILE: ProfileRow = {
  status: 'active',
  certified_until: null,
  capacity: 2,
  modalities: JSON.stringify(['phone', 'video', 'in_person']),
  experience_tags: '[]',
  weekly_availability: '[]',
  away_periods: '[]',
  paused_until: null,
};
