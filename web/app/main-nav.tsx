import { NavLink } from 'react-router';
import type { Action } from '../../shared/permissions.ts';

interface NavItem {
  to: string;
  label: string;
  /** Shown only to accounts whose `me.actions` include this; undefined = everyone signed in. */
  action?: Action;
  end?: boolean;
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
  { to: '/app/supporters', label: 'Supporters', action: 'supporters.manage' },
  { to: '/app/board', label: 'Case board', action: 'cases.manage' },
  { to: '/app/people', label: 'People', action: 'people.read' },
  { to: '/app/import', label: 'Import roster', action: 'people.import' },
  { to: '/app/organization', label: 'Organisation', action: 'organization.manage' },
  { to: '/app/settings', label: 'Settings', action: 'settings.manage' },
  { to: '/app/audit', label: 'Audit log', action: 'audit.read' },
];

export function visibleNavItems(actions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.action || actions.includes(item.action));
}

/** `<nav aria-label="Main">` with plain links; NavLink sets aria-current="page" on the active one. */
export function MainNav({ actions, onNavigate }: { actions: readonly string[]; onNavigate?: () => void }) {
  return (
    <nav aria-label="Main" className="main-nav">
      <ul className="main-nav__list">
        {visibleNavItems(actions).map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="main-nav__link" onClick={onNavigate}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
