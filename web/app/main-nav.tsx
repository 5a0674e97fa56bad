import { NavLink } from 'react-router';
import type { Action } from '../../shared/permissions.ts';
import { APP_PAGES, appPageUrl } from './app-pages.tsx';

interface NavItem {
  to: string;
  label: string;
  /** Shown only to accounts whose `me.actions` include this; undefined = everyone signed in. */
  action?: Action;
  end?: boolean;
  /** Running the program, as opposed to one's own support and account: shown on a row of its own. */
  program?: boolean;
}

/** The sections, in order, from the one list of pages (app-pages.tsx); features do not add themselves. */
export const NAV_ITEMS: readonly NavItem[] = APP_PAGES.flatMap((page) =>
  page.nav
    ? [{ to: appPageUrl(page), label: page.nav.label, action: page.action, end: page.path === '', program: page.nav.program ?? false }]
    : [],
);

export function visibleNavItems(actions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.action || actions.includes(item.action));
}

function NavList({ items, onNavigate, label }: { items: NavItem[]; onNavigate?: () => void; label?: string }) {
  return (
    <ul className="main-nav__list" aria-label={label}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end} className="main-nav__link" onClick={onNavigate}>
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/**
 * `<nav aria-label="Main">` with plain links; NavLink sets aria-current="page" on the active one.
 * Program work (board, pool, directory, settings) gets a labelled row of its own, so a director's
 * dozen links read as two groups instead of wrapping at random.
 */
export function MainNav({ actions, onNavigate }: { actions: readonly string[]; onNavigate?: () => void }) {
  const items = visibleNavItems(actions);
  const mine = items.filter((item) => !item.program);
  const program = items.filter((item) => item.program);
  return (
    <nav aria-label="Main" className="main-nav">
      <NavList items={mine} onNavigate={onNavigate} />
      {program.length > 0 && (
        <div className="main-nav__group">
          <span className="main-nav__group-label" aria-hidden="true">
            Program
          </span>
          <NavList items={program} onNavigate={onNavigate} label="Program" />
        </div>
      )}
    </nav>
  );
}
