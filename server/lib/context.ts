import type { AppConfig, Clock } from '../config.ts';
import type { Db, Engine } from '../db/database.ts';

/** What services need from the running app, passed explicitly (no service locator on Fastify). */
export interface AppContext {
  db: Db;
  engine: Engine;
  config: AppConfig;
  clock: Clock;
}

/** Where a request came from, for the audit log and throttling. */
export interface RequestOrigin {
  ip: string;
  userAgent: string | null;
}
