import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../shared/permissions.ts';
import { APP_PAGES, appPageUrl } from './app-pages.tsx';
import { NAV_ITEMS } from './main-nav.tsx';

describe('the one list of pages', () => {
  it('names each address once, with actions that exist', () => {
    const paths = APP_PAGES.map((p) => p.path);
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
    for (const page of APP_PAGES) if (page.action) expect(ACTIONS, page.path).toContain(page.action);
  });

  it('gives the navigation its links, in order, each with the action of the page it opens', () => {
    const linked = APP_PAGES.filter((p) => p.nav);
    expect(NAV_ITEMS.map((i) => i.to)).toEqual(linked.map(appPageUrl));
    expect(NAV_ITEMS.map((i) => i.action)).toEqual(linked.map((p) => p.action));
    // The program's own work sits after one's own support and account.
    const firstProgram = NAV_ITEMS.findIndex((i) => i.program);
    expect(NAV_ITEMS.slice(firstProgram).every((i) => i.program)).toBe(true);
  });
});
