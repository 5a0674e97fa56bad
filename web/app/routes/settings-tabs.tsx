import { NavLink, useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';

/**
 * The Settings page's sections, each with its own URL: the program's settings, and (for the
 * director) integration tokens. Integrations used to be a main-nav link of its own; here the
 * director's Program row fits on one line at desktop width.
 */
export function SettingsTabs() {
  const me = useOutletContext<Me>();
  if (!me.actions.includes('tokens.manage')) return null;
  return (
    <nav aria-label="Settings sections" className="settings-tabs">
      <NavLink to="/app/settings" end className="settings-tabs__link">
        Program settings
      </NavLink>
      <NavLink to="/app/settings/integrations" className="settings-tabs__link">
        Integrations
      </NavLink>
    </nav>
  );
}
