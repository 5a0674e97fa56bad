import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerAccessControl } from '../server/plugins/access.ts';
import fastifyCookie from '@fastify/cookie';
import { createTestApp, testConfig } from './harness.ts';
import type { AppContext } from '../server/lib/context.ts';

function bareApp() {
  const app = Fastify({ logger: false });
  const config = testConfig();
  // The access plugin only needs the context when a request arrives; none does here.
  const ctx = { config, clock: config.clock } as unknown as AppContext;
  void app.register(fastifyCookie);
  return { app, routes: registerAccessControl(app, ctx) };
}

describe('deny by default at registration', () => {
  it('refuses to register a route that declares no access rule', () => {
    const { app } = bareApp();
    expect(() => app.get('/api/forgotten', async () => ({ ok: true }))).toThrow(/declares no valid access rule/);
  });

  it('refuses an access rule that is not in the catalogue', () => {
    const { app } = bareApp();
    // @ts-expect-error — the type already forbids it; the runtime check is what we test.
    expect(() => app.get('/api/typo', { config: { access: 'people.reed' } }, async () => ({}))).toThrow(/declares no valid access rule/);
  });

  it('records public and action rules as declared', () => {
    const { app, routes } = bareApp();
    app.get('/open', { config: { access: 'public' } }, async () => ({}));
    app.post('/closed', { config: { access: 'people.manage' } }, async () => ({}));
    expect(routes).toEqual([
      { method: 'GET', url: '/open', access: 'public' },
      { method: 'POST', url: '/closed', access: 'people.manage' },
    ]);
  });

  it('gives every route of the real app a declared rule', async () => {
    const t = await createTestApp();
    try {
      expect(t.routes.length).toBeGreaterThan(20);
      for (const route of t.routes) expect(route.access, `${route.method} ${route.url}`).toBeTruthy();
    } finally {
      await t.close();
    }
  });
});
