/** Service-level clock tables (migration 0013). See schema.ts for conventions. */

/** One row per organisation that changed the defaults; none = Mon–Fri 08:00–17:00, no holidays. */
export interface ServiceLevelCalendarsTable {
  organization_id: string;
  /** JSON array of ISO weekdays (1 = Monday … 7 = Sunday). */
  days: string;
  /** `HH:MM` local time in the organisation's time zone. */
  opens: string;
  closes: string;
  /** JSON array of local dates `YYYY-MM-DD`. */
  holidays: string;
  /** The director hears of an open breach this share of the target after the administrators. */
  escalation_percent: number;
  updated_at: string;
}

/** A first-contact target the program set for one origin × urgency (no row = the default). */
export interface ServiceLevelTargetsTable {
  organization_id: string;
  origin: string;
  urgency: string;
  basis: 'elapsed' | 'business';
  minutes: number;
}

export interface ServiceLevelTables {
  service_level_calendars: ServiceLevelCalendarsTable;
  service_level_targets: ServiceLevelTargetsTable;
}
