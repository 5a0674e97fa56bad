import type { RegisteredRoute } from './access.ts';

type OpenApiDocument = Record<string, unknown> & { paths?: Record<string, Record<string, Record<string, unknown>>> };

/** Marks each operation with the access rule its route declared (`x-access`), so scripts can see it. */
export function addAccessToOpenApi(input: object, routes: RegisteredRoute[]) {
  const document = ('openapiObject' in input ? input.openapiObject : {}) as OpenApiDocument;
  for (const [openApiPath, operations] of Object.entries(document.paths ?? {})) {
    const routePath = openApiPath.replace(/\{(\w+)\}/g, ':$1');
    for (const [method, operation] of Object.entries(operations)) {
      const route = routes.find((r) => r.url === routePath && r.method === method.toUpperCase());
      if (!route) continue;
      operation['x-access'] = route.access;
      operation.security = route.access === 'public' ? [] : [{ session: [] }];
    }
  }
  return document;
}
