/**
 * Authorization-matrix rows and invalid-input cases for the casework routes. Same format as the core
 * table in test/authorization-matrix.ts (statuses in CALLERS order).
 */
import type { InvalidCase, RouteCase } from '../authorization-matrix.ts';

export const CASEWORK_ROUTE_CASES: RouteCase[] = [];

export const CASEWORK_INVALID_CASES: InvalidCase[] = [];
