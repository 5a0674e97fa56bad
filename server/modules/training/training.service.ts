/**
 * Training the team (docs/team.md, "Training and certification"), in parts: the curriculum and
 * configuration, sessions and attendance, observed role-plays, the certification rule, and what the
 * pages show. The routes and the demo use it through this file.
 */
export { DEFAULT_CERTIFICATION_MONTHS, addMonths } from './training-common.ts';
export {
  currentCurriculum,
  saveCurriculum,
  getCurriculumVersion,
  certificationMonths,
  saveSettings,
  addScenario,
  editScenario,
} from './curriculum.service.ts';
export { createSession, invite, cancelSession, recordAttendance } from './sessions.service.ts';
export { changeSession } from './session-changes.service.ts';
export { recordObservation } from './observations.service.ts';
export { applyCertificationRule } from './certification-rule.ts';
export { getOverview, getMyTraining, myInvite } from './training-overview.service.ts';
