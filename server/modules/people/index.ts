/**
 * The people module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). Each name is here because another module uses it.
 */
export {
  findAccountById,
  findAccountByPerson,
  findAccountsForSignIn,
  insertAccount,
  isAccountEmailTaken,
  recordLogin,
  setAccountPassword,
} from './accounts.repository.ts';
export {
  activeEmailsWithRoles,
  findPerson,
  findPersonIdByEmail,
  findRequesterFacts,
  findSpecialtyAndReportingLine,
  firstNamesOf,
  listPeopleWithWorkEmail,
  listRequesterFacts,
  replaceRoles,
  toPerson,
  type RequesterFacts,
} from './people.repository.ts';
export { assertMayChange, requirePerson } from './people.service.ts';
export { subscribeToPersonEvents, type PersonEvent } from './person-events.ts';
