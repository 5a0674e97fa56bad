/** Building the team (migration 0027). See schema.ts for conventions. */

/** Who put a colleague's name forward; deleted when the nominee declines, so nobody sees it afterwards. */
export interface SupporterNominationsTable {
  id: string;
  organization_id: string;
  nominee_person_id: string;
  nominated_by_person_id: string;
  created_at: string;
}

export interface TeamTables {
  supporter_nominations: SupporterNominationsTable;
}
