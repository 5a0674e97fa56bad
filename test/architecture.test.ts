/**
 * The server's module boundaries (docs/architecture.md, "Which module may import which"): lint
 * refuses an import that bypasses a module's index.ts, and the module graph has no cycles: a module
 * that must act on another's change subscribes to it (server/modules/subscriptions.ts). Queries live
 * in repositories only (docs/architecture.md, "Layers").
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const MODULES = path.resolve('server/modules');

/** Module → the modules its files import (type-only imports included: they couple the code too). */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const mod of fs
    .readdirSync(MODULES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)) {
    const uses = new Set<string>();
    for (const file of fs.readdirSync(path.join(MODULES, mod)).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(MODULES, mod, file), 'utf8');
      for (const match of source.matchAll(/from '\.\.\/([a-z-]+)\//g)) if (match[1] !== mod) uses.add(match[1]!);
    }
    graph.set(mod, uses);
  }
  return graph;
}

/** Strongly connected components with more than one module (Tarjan), each sorted. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** Kysely query building: a query builder's entry point or the `sql` template tag (with or without a row type). */
const QUERY_BUILDING = /\.\s*(?:selectFrom|insertInto|updateTable|deleteFrom)\s*\(|\bsql\s*(?:<[^`]*?>)?\s*`/;

/** Files under server/modules (at any depth) and server/jobs that build queries without being a repository. */
function queriesOutsideRepositories(): string[] {
  return ['server/modules', 'server/jobs'].flatMap((root) =>
    fs
      .readdirSync(path.resolve(root), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.repository.ts'))
      .map((file) => path.join(root, file))
      .filter((file) => QUERY_BUILDING.test(fs.readFileSync(path.resolve(file), 'utf8')))
      .sort(),
  );
}

describe('module boundaries', () => {
  it("lint refuses an import into another module's files and accepts its index.ts", async () => {
    const eslint = new ESLint();
    const probe = 'server/modules/casework/boundary-probe.ts';
    const [into] = await eslint.lintText("import { findCase } from '../cases/cases.repository.ts';\nexport const f = findCase;\n", {
      filePath: probe,
    });
    expect(into!.messages.map((m) => m.message)).toEqual([expect.stringContaining('Use the other module through its index.ts.')]);
    const [entry] = await eslint.lintText("import { fireCaseEvent } from '../cases/index.ts';\nexport const f = fireCaseEvent;\n", {
      filePath: probe,
    });
    expect(entry!.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });

  it('lint refuses a web feature reaching into another feature, from any depth, and accepts its index.ts', async () => {
    const eslint = new ESLint();
    const restricted = async (code: string, filePath: string) =>
      (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) =>
        m.message.includes('Use the other feature through its index.ts.'),
      );
    const into =
      "import { useOrganizationStructure } from '../../organization/api/get-structure.ts';\nexport const f = useOrganizationStructure;\n";
    expect(await restricted(into, 'web/features/event-notices/components/probe.tsx')).toHaveLength(1);
    expect(await restricted(into.replace('../../', '../'), 'web/features/event-notices/probe.tsx')).toHaveLength(1);
    const entry = "import { useOrganizationStructure } from '../../organization/index.ts';\nexport const f = useOrganizationStructure;\n";
    expect(await restricted(entry, 'web/features/event-notices/components/probe.tsx')).toEqual([]);
    const own = "import { api } from '../api/workspace.ts';\nexport const f = api;\n";
    expect(await restricted(own, 'web/features/supporter-workspace/components/probe.tsx')).toEqual([]);
  });

  it('has no cycles between web features', () => {
    const root = path.resolve('web/features');
    const graph = new Map<string, Set<string>>();
    for (const feature of fs
      .readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)) {
      const uses = new Set<string>();
      for (const file of fs.readdirSync(path.join(root, feature), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f))) {
        const dir = path.dirname(path.join(root, feature, file));
        for (const match of fs.readFileSync(path.join(root, feature, file), 'utf8').matchAll(/from '(\.[^']+)'/g)) {
          const target = path.relative(root, path.resolve(dir, match[1]!)).split(path.sep)[0]!;
          if (!target.startsWith('..') && target !== feature) uses.add(target);
        }
      }
      graph.set(feature, uses);
    }
    expect(cycles(graph)).toEqual([]);
  });

  it('lint refuses an import cycle between files (import-x/no-cycle)', async () => {
    const dir = fs.mkdtempSync(path.join(MODULES, 'cycle-probe-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b.ts';\nexport const a = () => b;\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a.ts';\nexport const b = () => a;\n");
      const results = await new ESLint().lintFiles([path.join(dir, 'a.ts')]);
      expect(results[0]!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no module cycles', () => {
    expect(cycles(moduleGraph())).toEqual([]);
  });

  it('keeps foundations below: people, organization and audit import no other module but each other', () => {
    const graph = moduleGraph();
    const foundations = ['people', 'organization', 'audit'];
    for (const mod of foundations) expect([...graph.get(mod)!].filter((m) => !foundations.includes(m))).toEqual([]);
  });

  it('builds queries only in *.repository.ts files (server/modules and server/jobs)', () => {
    expect(queriesOutsideRepositories()).toEqual([]);
  });

  it('recognises query building (the check itself can fail)', () => {
    const builds = [
      "await db\n    .selectFrom('people')",
      "trx.insertInto('sites')",
      "db.updateTable('cases')",
      "db.deleteFrom('sessions')",
      'await sql`select 1`.execute(db)',
      'sql<{ id: string; depth: number }>`with recursive chain`',
    ];
    const doesNot = ["import { sql } from 'kysely';", 'selectFromCache(key)', "const engine = 'sqlite';", 'findPerson(db, org, id)'];
    expect(builds.filter((source) => !QUERY_BUILDING.test(source))).toEqual([]);
    expect(doesNot.filter((source) => QUERY_BUILDING.test(source))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});

/** Every route each module registers, as `METHOD /url`, read from its *.routes.ts files. */
function registeredRoutesByModule(): { module: string; method: string; url: string }[] {
  const routes: { module: string; method: string; url: string }[] = [];
  for (const mod of fs.readdirSync(MODULES, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of fs.readdirSync(path.join(MODULES, mod.name)).filter((f) => f.endsWith('.routes.ts'))) {
      const source = fs.readFileSync(path.join(MODULES, mod.name, file), 'utf8');
      for (const match of source.matchAll(/\.(get|post|put|patch|delete)\(\s*'([^']+)'/g)) {
        routes.push({ module: mod.name, method: match[1]!.toUpperCase(), url: match[2]! });
      }
    }
  }
  return routes;
}

/** The ownership table of docs/modules.md ("Which module serves which URL"): [method or null, prefix, module]. */
function urlOwners(): [string | null, string, string][] {
  const doc = fs.readFileSync('docs/modules.md', 'utf8');
  const section = doc.split('## Which module serves which URL')[1]!.split('\n## ')[0]!;
  const owners: [string | null, string, string][] = [];
  for (const line of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const [prefixes, module] = line
      .split('|')
      .slice(1, 3)
      .map((c) => c.trim());
    for (const entry of prefixes!.matchAll(/`([^`]+)`/g)) {
      const [first, second] = entry[1]!.split(' ');
      owners.push(second ? [first!, second, module!] : [null, first!, module!]);
    }
  }
  return owners;
}

function ownerOf(owners: [string | null, string, string][], method: string, url: string): string | undefined {
  // A line with a method names one route exactly; a line without one is a prefix.
  const fits = owners.filter(([m, prefix]) =>
    m === null ? url === prefix || url.startsWith(`${prefix}/`) : m === method && url === prefix,
  );
  // The longest prefix wins; at equal length a line naming the method wins.
  fits.sort((a, b) => b[1].length - a[1].length || Number(b[0] !== null) - Number(a[0] !== null));
  return fits[0]?.[2];
}

describe('URLs map to modules', () => {
  it('every route is served by the module docs/modules.md names for its URL', () => {
    const routes = registeredRoutesByModule();
    expect(routes.length).toBeGreaterThan(100);
    const owners = urlOwners();
    const misplaced = routes
      .map((r) => ({ ...r, owner: ownerOf(owners, r.method, r.url) }))
      .filter((r) => r.owner !== r.module)
      .map((r) => `${r.method} ${r.url}: served by ${r.module}, the table says ${r.owner ?? 'nothing'}`);
    expect(misplaced).toEqual([]);
  });

  it('the check notices a route in the wrong module', () => {
    const owners = urlOwners();
    expect(ownerOf(owners, 'GET', '/api/supporter/cases/:id/conversations')).toBe('conversations');
    expect(ownerOf(owners, 'GET', '/api/supporter/cases/:id')).toBe('casework');
    expect(ownerOf(owners, 'POST', '/api/support/requests')).toBe('intake');
    expect(ownerOf(owners, 'GET', '/api/support/requests')).toBe('cases');
    expect(ownerOf(owners, 'GET', '/api/nowhere')).toBeUndefined();
  });
});
