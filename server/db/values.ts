import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../config.ts';

/** Time-ordered ids: index-friendly on both engines and never guessable in sequence. */
export function newId(): string {
  return uuidv7();
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

/** SQLite hands back 0/1, PostgreSQL true/false. */
export function toBool(value: boolean | number): boolean {
  return value === true || value === 1;
}

export function parseJsonArray<T>(text: string): T[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as T[]) : [];
}

/** Case-insensitive "contains" on both engines (SQLite LIKE is case-insensitive, PostgreSQL's is not). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
