/**
 * Authorization-matrix rows and invalid-input cases for the scheduling and conversation-guide
 * routes. Same format as the core table in test/authorization-matrix.ts (statuses in CALLERS order).
 */
import type { InvalidCase, RouteCase } from '../authorization-matrix.ts';

export const SCHEDULING_ROUTE_CASES: RouteCase[] = [];

export const SCHEDULING_INVALID_CASES: InvalidCase[] = [];
