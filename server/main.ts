import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { seedDemoIfEmpty } from './demo/seed-demo.ts';

const config = configFromEnv();
const { app, ctx } = await buildApp(config);

if (config.demo) {
  const seeded = await seedDemoIfEmpty(ctx);
  if (seeded) app.log.info(`Demo organisation "${seeded.organizationName}" seeded.`);
}

await app.listen({ port: config.port, host: config.host });
const where = config.publicOrigin ?? `http://localhost:${config.port}`;
console.log(`\nPeerline is running at ${where} (database: ${ctx.engine})`);
if (config.demo) {
  console.log('Demo accounts (password: peerline-demo):');
  for (const email of ['director', 'admin', 'supporter', 'clinician', 'leader', 'reporter', 'it']) {
    console.log(`  ${email}@demo.peerline.test`);
  }
}

// Graceful shutdown: stop accepting connections, let in-flight requests finish, close the database.
let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  });
}
