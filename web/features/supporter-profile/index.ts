/** The supporter-profile feature's entry for other features. */
export { useSupporterPool } from './api/supporter-pool.ts';
