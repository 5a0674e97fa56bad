import { NavLink } from 'react-router';
import type { Action } from '../../shared/permissions.ts';

interface NavItem {
  to: string;
  label: string;
  /** Shown only to accounts whose `me.actions` include this; undefined = everyone signed in. */
  action?: Action;
  end?: boolean;
  /** Running the program, as opposed to one's own support and account: shown on a row of its own. */
  program?: boolean;
}

/** The only place the app decides which sections exist; features do not add themselves. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/app', label: 'Home', end: true },
  { to: '/app/request', label: 'Ask for support', action: 'support.request' },
  { to: '/app/requests', label: 'My requests', action: 'support.request' },
  { to: '/app/offers', label: 'Offers', action: 'supporter.self' },
  { to: '/app/cases', label: 'My cases', action: 'supporter.self' },
  { to: '/app/account', label: 'My account' },
  { to: '/app/resources', label: 'Resources', action: 'resources.read' },
  { to: '/app/supporter-profile', label: 'My supporter profile', action: 'supporter.self' },
  { to: '/app/on-call', label: 'On call', action: 'rota.self' },
  { to: '/app/report-event', label: 'Report an event', action: 'events.report' },
  { to: '/app/supporters', label: 'Supporters', program: true, action: 'supporters.manage' },
  { to: '/app/board', label: 'Case board', program: true, action: 'cases.manage' },
  { to: '/app/event-notices', label: 'Event notices', program: true, action: 'events.manage' },
  { to: '/app/on-call/rota', label: 'On-call rota', program: true, action: 'rota.manage' },
  { to: '/app/people', label: 'People', program: true, action: 'people.read' },
  { to: '/app/import', label: 'Import roster', program: true, action: 'people.import' },
  { to: '/app/organization', label: 'Organisation', program: true, action: 'organization.manage' },
  { to: '/app/settings', label: 'Settings', program: true, action: 'settings.manage' },
  { to: '/app/audit', label: 'Audit log', program: true, action: 'audit.read' },
];

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
