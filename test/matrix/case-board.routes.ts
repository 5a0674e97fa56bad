/**
 * Authorization-matrix rows and invalid-input cases for the case-board routes. Same format as the core
 * table in test/authorization-matrix.ts (statuses in CALLERS order).
 */
import type { InvalidCase, RouteCase } from '../authorization-matrix.ts';

export const CASE_BOARD_ROUTE_CASES: RouteCase[] = [];

export const CASE_BOARD_INVALID_CASES: InvalidCase[] = [];
