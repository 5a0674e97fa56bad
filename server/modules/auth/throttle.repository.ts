import type { DbOrTrx } from '../../db/database.ts';

/**
 * Counts one attempt for `key` atomically (one upsert, so parallel attempts cannot lose counts)
 * and returns the row as it now stands. A window older than `windowStartedBefore` starts over.
 */
export async function countAttempt(db: DbOrTrx, key: string, now: string, windowStartedBefore: string) {
  return db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        // A window that has run out, or a lock that has ended, starts the count over.
        const stale = eb.or([
          eb('login_throttle.window_started_at', '<', windowStartedBefore),
          eb.and([eb('login_throttle.locked_until', 'is not', null), eb('login_throttle.locked_until', '<=', now)]),
        ]);
        return {
          failures: eb
            .case()
            .when(stale)
            .then(1)
            .else(eb('login_throttle.failures', '+', 1))
            .end(),
          window_started_at: eb.case().when(stale).then(now).else(eb.ref('login_throttle.window_started_at')).end(),
          locked_until: eb.case().when(stale).then(null).else(eb.ref('login_throttle.locked_until')).end(),
        };
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
}

export async function lockKey(db: DbOrTrx, key: string, now: string, until: string): Promise<void> {
  await db.updateTable('login_throttle').set({ locked_until: until, window_started_at: now }).where('key', '=', key).execute();
}

/** A successful sign-in does not count against the address it came from. */
export async function uncountAttempt(db: DbOrTrx, key: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export async function clearThrottle(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
