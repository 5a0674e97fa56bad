import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './2026_11_25_0001_foundation.ts';

/** Static list (not a folder scan) so the same code runs under tsx, vitest and a bundler. */
const migrations: Record<string, Migration> = {
  '2026_11_25_0001_foundation': foundation,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
