/**
 * `npm run sign-in-link -- <work e-mail> [--org <slug>]`: prints a single-use set-password link for
 * one person (docs/decisions/009-separation-of-duties.md). For operators with access to the server:
 * a deployment whose e-mail is not set up yet, or an organisation whose only director is locked out.
 */
import { configFromEnv } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { absoluteLink } from '../email/templates.ts';
import { appOrigin } from '../email/outbox.ts';
import { issueOperatorSignInLink } from '../modules/auth/sign-in-links.service.ts';

const args = process.argv.slice(2);
const orgAt = args.indexOf('--org');
const organizationSlug = orgAt >= 0 ? args[orgAt + 1] : undefined;
const email = args.find((a, i) => !a.startsWith('--') && (orgAt < 0 || i !== orgAt + 1));
if (!email) {
  console.error('Usage: npm run sign-in-link -- <work e-mail> [--org <organisation slug>]');
  process.exit(2);
}

const config = configFromEnv();
const handle = openDatabase(config);
try {
  await migrateToLatest(handle.db);
  const link = await issueOperatorSignInLink(handle.db, { email, organizationSlug, now: config.clock.now() });
  console.log(
    `${link.purpose === 'invitation' ? 'Invitation' : 'Set-password link'} for ${email} (${link.organizationSlug}), valid once until ${link.expiresAt}:`,
  );
  console.log(absoluteLink(link.path, appOrigin(config)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
