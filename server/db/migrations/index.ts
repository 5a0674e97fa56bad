import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './2026_11_25_0001_foundation.ts';
import * as jobsAndOutbox from './2026_11_25_0002_jobs_and_outbox.ts';
import * as resourcesAndSupporters from './2026_11_25_0003_resources_and_supporters.ts';
import * as casesAndOffers from './2026_11_25_0004_cases_and_offers.ts';
import * as casework from './2026_11_25_0005_casework.ts';
import * as conversations from './2026_11_25_0006_conversations.ts';
import * as reportingLineIndex from './2026_11_25_0007_reporting_line_index.ts';
import * as supporterDirectory from './2026_11_26_0008_supporter_directory.ts';
import * as crisisBackup from './2026_11_26_0010_crisis_backup.ts';
import * as onCall from './2026_11_26_0011_on_call.ts';
import * as eventNotices from './2026_11_26_0012_event_notices.ts';
import * as serviceLevels from './2026_11_26_0013_service_levels.ts';
import * as caseReopenedAt from './2026_11_26_0014_case_reopened_at.ts';
import * as paging from './2026_11_26_0015_paging.ts';
import * as groupDebriefs from './2026_11_26_0016_group_debriefs.ts';
import * as debriefChanges from './2026_11_26_0017_debrief_changes.ts';
import * as retention from './2026_11_26_0018_retention.ts';
import * as noticeInvolvedCount from './2026_11_26_0019_notice_involved_count.ts';
import * as debriefInviteErasure from './2026_11_26_0020_debrief_invite_erasure.ts';
import * as signInLinks from './2026_12_07_0021_sign_in_links.ts';
import * as accountsPerOrganization from './2026_12_07_0022_accounts_per_organization.ts';
import * as secondFactor from './2026_12_07_0023_second_factor.ts';
import * as singleSignOn from './2026_12_07_0024_single_sign_on.ts';
import * as outboxCaseId from './2026_12_07_0025_outbox_case_id.ts';
import * as meetingsToConversations from './2026_12_07_0026_meetings_to_conversations.ts';
import * as supporterLifecycle from './2026_12_07_0027_supporter_lifecycle.ts';
import * as training from './2026_12_07_0028_training.ts';
import * as supporterCooldown from './2026_12_07_0029_supporter_cooldown.ts';
import * as teamMeetings from './2026_12_07_0030_team_meetings.ts';
import * as reportMinCount from './2026_12_07_0031_report_min_count.ts';
import * as reportQuarterCounts from './2026_12_07_0032_report_quarter_counts.ts';
import * as programFoundations from './2026_12_07_0033_program_foundations.ts';

/** Static list (not a folder scan) so the same code runs under tsx, vitest and a bundler. */
const migrations: Record<string, Migration> = {
  '2026_11_25_0001_foundation': foundation,
  '2026_11_25_0002_jobs_and_outbox': jobsAndOutbox,
  '2026_11_25_0003_resources_and_supporters': resourcesAndSupporters,
  '2026_11_25_0004_cases_and_offers': casesAndOffers,
  '2026_11_25_0005_casework': casework,
  '2026_11_25_0006_conversations': conversations,
  '2026_11_25_0007_reporting_line_index': reportingLineIndex,
  '2026_11_26_0008_supporter_directory': supporterDirectory,
  '2026_11_26_0010_crisis_backup': crisisBackup,
  '2026_11_26_0011_on_call': onCall,
  '2026_11_26_0012_event_notices': eventNotices,
  '2026_11_26_0013_service_levels': serviceLevels,
  '2026_11_26_0014_case_reopened_at': caseReopenedAt,
  '2026_11_26_0015_paging': paging,
  '2026_11_26_0016_group_debriefs': groupDebriefs,
  '2026_11_26_0017_debrief_changes': debriefChanges,
  '2026_11_26_0018_retention': retention,
  '2026_11_26_0019_notice_involved_count': noticeInvolvedCount,
  '2026_11_26_0020_debrief_invite_erasure': debriefInviteErasure,
  '2026_12_07_0021_sign_in_links': signInLinks,
  '2026_12_07_0022_accounts_per_organization': accountsPerOrganization,
  '2026_12_07_0023_second_factor': secondFactor,
  '2026_12_07_0024_single_sign_on': singleSignOn,
  '2026_12_07_0025_outbox_case_id': outboxCaseId,
  '2026_12_07_0026_meetings_to_conversations': meetingsToConversations,
  '2026_12_07_0027_supporter_lifecycle': supporterLifecycle,
  '2026_12_07_0028_training': training,
  '2026_12_07_0029_supporter_cooldown': supporterCooldown,
  '2026_12_07_0030_team_meetings': teamMeetings,
  '2026_12_07_0031_report_min_count': reportMinCount,
  '2026_12_07_0032_report_quarter_counts': reportQuarterCounts,
  '2026_12_07_0033_program_foundations': programFoundations,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
