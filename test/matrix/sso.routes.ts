/**
 * Authorization-matrix rows and invalid-input cases for single sign-on: the sign-in pages' public
 * routes (the redirects answer 302 to everyone) and the IT administrator's settings.
 */
import type { InvalidCase, RouteCase } from '../authorization-matrix.ts';

const VALID = {
  enabled: false,
  issuer: 'https://login.example-hospital.test/tenant/v2.0',
  clientId: 'peerline-matrix',
  clientSecretEnv: 'PEERLINE_MATRIX_SSO_SECRET',
  allowedDomains: ['example-hospital.test'],
  buttonLabel: 'Sign in with Example Health',
  trustProviderMfa: false,
  passwordSignIn: true,
};

//            columns:  anon  dir  adm  sup  lead  rep staff  it  orgB
export const SSO_ROUTE_CASES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/public/sso',
    access: 'public',
    success: 200,
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200],
    request: ({ world }) => ({ url: `/api/public/sso?org=${world.orgA.slug}` }),
  },
  {
    method: 'GET',
    url: '/api/public/sso/:org/start',
    access: 'public',
    success: 302,
    expect: [302, 302, 302, 302, 302, 302, 302, 302, 302],
    request: ({ world }) => ({ url: `/api/public/sso/${world.orgA.slug}/start` }),
  },
  {
    method: 'GET',
    url: '/api/public/sso/callback',
    access: 'public',
    success: 302,
    expect: [302, 302, 302, 302, 302, 302, 302, 302, 302],
    request: () => ({ url: '/api/public/sso/callback?code=abc&state=not-a-pending-sign-in' }),
  },
  {
    method: 'GET',
    url: '/api/settings/sso',
    access: 'sso.configure',
    success: 200,
    expect: [401, 404, 404, 404, 404, 404, 404, 200, 404],
    request: () => ({ url: '/api/settings/sso' }),
  },
  {
    method: 'PUT',
    url: '/api/settings/sso',
    access: 'sso.configure',
    success: 200,
    expect: [401, 404, 404, 404, 404, 404, 404, 200, 404],
    request: () => ({ url: '/api/settings/sso', payload: VALID }),
  },
];

export const SSO_INVALID_CASES: InvalidCase[] = [
  {
    route: 'GET /api/public/sso',
    why: 'organisation slug with forbidden characters',
    request: () => ({ url: '/api/public/sso?org=Bad%20Org!' }),
    fields: ['querystring.org'],
  },
  {
    route: 'GET /api/public/sso/:org/start',
    why: 'organisation slug with capitals and a dot',
    request: () => ({ url: '/api/public/sso/Riverside.Org/start' }),
    fields: ['params.org'],
  },
  {
    route: 'GET /api/public/sso/callback',
    why: 'a state far longer than any provider sends',
    request: () => ({ url: `/api/public/sso/callback?code=a&state=${'s'.repeat(600)}` }),
    fields: ['querystring.state'],
  },
  {
    route: 'PUT /api/settings/sso',
    why: 'http issuer on the network, spaces in the client id, a secret where a variable name goes, a bad domain, empty label',
    request: () => ({
      url: '/api/settings/sso',
      payload: {
        ...VALID,
        issuer: 'http://login.example-hospital.test',
        clientId: 'has spaces',
        clientSecretEnv: 's3cr3t value!',
        allowedDomains: ['not a domain'],
        buttonLabel: '',
      },
    }),
    fields: ['body.issuer', 'body.clientId', 'body.clientSecretEnv', 'body.allowedDomains.0', 'body.buttonLabel'],
  },
  {
    route: 'PUT /api/settings/sso',
    why: 'passwords off while single sign-on is off (everyone but IT locked out)',
    request: () => ({ url: '/api/settings/sso', payload: { ...VALID, enabled: false, passwordSignIn: false } }),
    fields: ['body.passwordSignIn'],
  },
];
