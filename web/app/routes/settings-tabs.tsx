import { NavLink, useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';

/**
 * The Settings page's sections, each with its own URL: the program's settings, (for the director)
 * integration tokens and (for the IT administrator) sign-in. Integrations used to be a main-nav
 * link of its own; here the director's Program row fits on one line at desktop width.
 */
export function SettingsTabs() {
  const me = useOutletContext<Me>();
  const integrations = me.actions.includes('tokens.manage');
  const signIn = me.actions.includes('sso.configure');
  if (!integrations && !signIn) return null;
  return (
    <nav aria-label="Settings sections" className="settings-tabs">
      <NavLink to="/app/settings" end className="settings-tabs__link">
        Program settings
      </NavLink>
      {integrations && (
        <NavLink to="/app/settings/integrations" className="settings-tabs__link">
          Integrations
        </NavLink>
      )}
      {signIn && (
        <NavLink to="/app/settings/sign-in" className="settings-tabs__link">
          Sign-in
        </NavLink>
      )}
    </nav>
  );
}
