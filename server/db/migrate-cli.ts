import { configFromEnv } from '../config.ts';
import { migrateToLatest, openDatabase } from './database.ts';

const config = configFromEnv();
const handle = openDatabase(config);
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await handle.close();
}
