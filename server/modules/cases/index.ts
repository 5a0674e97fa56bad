/**
 * The cases module's public entry (docs/architecture.md, "Which module may import which"): other
 * modules change a case only through fireCaseEvent, and react to what follows by subscribing.
 * More of the module's API moves behind this entry as the other modules stop reaching into its files.
 */
export { fireCaseEvent, subscribeToCaseEvents, type CaseEventCause, type CaseSubscriber } from './case-events.ts';
export { requesterAddresses, requesterEmail } from './requester-contact.ts';
export { workEmailOfPerson } from './cases.repository.ts';
export { newCase, toCase, type Case } from './case.ts';
export { snapshotOf } from './case-transition.ts';
export { getMyRequest } from './case-views.service.ts';
export {
  appendCaseAudit,
  appendCaseAuditGrouped,
  appendCaseAuditMany,
  findCase,
  insertCase,
  listCasesOfRequester,
  listOpenCasesAssignedTo,
  listOpenCasesOfRequesters,
  lockPendingOffersOfCase,
  openCaseIdOfRequester,
  withdrawPendingOffers,
} from './cases.repository.ts';
export { buildMatchRequest, loadCandidates, loadCandidatesWithEmails } from './match-input.ts';
export { alertAdministrators, offerToNextSupporter, shortenPendingOfferWindow, type PreparedMatch } from './offer-cascade.ts';
export { offerCascadeSubscriber } from './offer-cascade.ts';
export { findAnonymousCase, hashSecret } from './anonymous-access.ts';
export { offerToChosenSupporter, prepareMatch } from './offer-cascade.ts';
export { toMyRequest } from './case-views.service.ts';
