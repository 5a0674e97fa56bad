import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { seedDemoIfEmpty } from './demo/seed-demo.ts';
import { closeSmtpTransports } from './email/mailer.ts';
import { releaseHeldEmails } from './email/outbox.ts';
import { errorCode, startJobRunner } from './jobs/runner.ts';
import { appJobs } from './jobs/registry.ts';
import { startMissingFirstContactClocks } from './modules/service-levels/first-contact-clock.ts';
import { scheduleRetentionSweep } from './modules/retention/retention.job.ts';
import { scheduleCertificationSweep } from './modules/supporters/certification.job.ts';

const config = configFromEnv();
const { app, ctx } = await buildApp(config);

if (config.demo) {
  const seeded = await seedDemoIfEmpty(ctx);
  if (seeded) app.log.info(`Demo organisation "${seeded.organizationName}" seeded.`);
}

await app.listen({ port: config.port, host: config.host });
// Background work from the jobs table (docs/decisions/005). Every instance runs one; claims are
// atomic, so each job runs once. Started here, not in buildApp, so tests drive jobs themselves. The
// hourly erasure sweep (docs/product.md, C4) chains itself; every instance queues this hour's at
// start-up (one job per hour whatever the number of instances), so a lost chain is picked up on the
// next start.
await scheduleRetentionSweep(ctx.db, ctx.clock.now());
// The same for certifications: reminders 60/30/7 days before they end, and lapses (docs/team.md).
await scheduleCertificationSweep(ctx.db, ctx.clock.now());
// Open cases waiting for first contact without a clock for their round (opened before clocks were
// stored, or reopened before rounds had their own) get one and its breach check; idempotent.
const clocksStarted = await startMissingFirstContactClocks(ctx);
if (clocksStarted > 0) app.log.info(`${clocksStarted} first-contact breach check(s) scheduled for open cases that had none`);
const jobRunner = startJobRunner(ctx, appJobs, {
  pollMs: config.jobsPollMs,
  onError: (error) => app.log.error({ code: errorCode(error) }, 'job runner poll failed'),
});
if (!config.smtpUrl) app.log.info('SMTP_URL is not set: e-mail stays in the outbox (status "held")');
else {
  const released = await releaseHeldEmails(ctx.db, ctx.clock.now());
  if (released > 0) app.log.info(`${released} e-mail(s) held while SMTP was not configured are queued to be sent now`);
}
const where = config.publicOrigin ?? `http://localhost:${config.port}`;
console.log(`\nPeerline is running at ${where} (database: ${ctx.engine})`);
if (config.demo) {
  console.log('Demo accounts (password: peerline-demo):');
  for (const email of ['director', 'admin', 'supporter', 'clinician', 'leader', 'reporter', 'it']) {
    console.log(`  ${email}@demo.peerline.test`);
  }
}

// Graceful shutdown: stop taking jobs (the one running finishes), stop accepting connections, let
// in-flight requests finish, close SMTP connections and the database.
let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    jobRunner
      .stop()
      .then(() => app.close())
      .then(() => closeSmtpTransports())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'error during shutdown');
          process.exit(1);
        },
      );
  });
}
