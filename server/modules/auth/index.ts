/**
 * The auth module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). Each name is here because another module uses it.
 */
export { startSession } from './auth.service.ts';
export { resetSecondFactor } from './second-factor.service.ts';
export { deleteSessionsOfPerson } from './sessions.repository.ts';
export { deleteUnusedSignInLinks } from './sign-in-links.repository.ts';
export { issueSignInLink } from './sign-in-links.service.ts';
