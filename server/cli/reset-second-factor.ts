/**
 * `npm run reset-second-factor -- <work e-mail> [--org <slug>]`: removes a person's authenticator
 * app and recovery codes and ends their sessions, for an organisation whose only director lost both
 * (docs/decisions/011-two-step-sign-in.md). They set up a new app at their next sign-in.
 */
import { configFromEnv } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { resetSecondFactorByOperator } from '../modules/auth/operator-reset.service.ts';

const args = process.argv.slice(2);
const orgAt = args.indexOf('--org');
const organizationSlug = orgAt >= 0 ? args[orgAt + 1] : undefined;
const email = args.find((a, i) => !a.startsWith('--') && (orgAt < 0 || i !== orgAt + 1));
if (!email) {
  console.error('Usage: npm run reset-second-factor -- <work e-mail> [--org <organisation slug>]');
  process.exit(2);
}

const config = configFromEnv();
const handle = openDatabase(config);
try {
  await migrateToLatest(handle.db);
  await resetSecondFactorByOperator(handle.db, { email, organizationSlug, now: config.clock.now() });
  console.log(`Two-step sign-in reset for ${email}: they set up a new authenticator app at their next sign-in.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
