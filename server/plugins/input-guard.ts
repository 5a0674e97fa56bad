import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../lib/errors.ts';

/**
 * PostgreSQL cannot store U+0000 in text (SQLite can), so a NUL anywhere in the input would be a
 * 500 on one engine and stored data on the other. It never belongs in what people type: refuse it
 * for every route, before validation, naming where it was.
 */
function findNul(value: unknown, path: string, found: FieldError[], depth = 0): void {
  if (found.length >= 10 || depth > 32) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ path, message: 'Contains a NUL character' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => findNul(item, `${path}.${index}`, found, depth + 1));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyPath = `${path}.${key.replaceAll('\u0000', '\\0')}`;
      if (key.includes('\u0000')) found.push({ path: keyPath, message: 'Contains a NUL character' });
      findNul(item, keyPath, found, depth + 1);
    }
  }
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found: FieldError[] = [];
    findNul(request.params, 'params', found);
    findNul(request.query, 'querystring', found);
    findNul(request.body, 'body', found);
    if (found.length) throw new AppError('validation_failed', 'Some fields are not valid', found);
  });
}
