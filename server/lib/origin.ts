import type { FastifyRequest } from 'fastify';
import type { RequestOrigin } from './context.ts';

export function originOf(request: FastifyRequest): RequestOrigin {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : null };
}
