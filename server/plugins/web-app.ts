import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.ts';

/**
 * Serves the built web app from the same process and origin. Any non-API path that is not a file
 * gets index.html, so deep links work (the SPA's router takes over).
 */
export async function registerWebApp(app: FastifyInstance, config: AppConfig): Promise<void> {
  const root = config.webDist;
  const indexFile = root ? path.join(root, 'index.html') : undefined;
  const hasWeb = Boolean(indexFile && fs.existsSync(indexFile));
  if (hasWeb && root) await app.register(fastifyStatic, { root, serve: false, cacheControl: false });

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
    } catch {
      urlPath = '/api/'; // malformed escapes: answer like any unknown path
    }
    if (urlPath.startsWith('/api/') || !hasWeb || !root) {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Not found' } });
    }
    const relative = path.normalize(urlPath).replace(/^([/\\])+/, '');
    const candidate = path.join(root, relative);
    if (relative && candidate.startsWith(root) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
      // Hashed asset names never change content, so they may be cached for long.
      if (relative.startsWith('assets/')) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      return reply.sendFile(relative);
    }
    reply.header('Cache-Control', 'no-store');
    return reply.sendFile('index.html');
  });
}
