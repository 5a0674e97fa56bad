import { NavLink, useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { APP_PAGES, appPageUrl } from '../app-pages.tsx';

/**
 * The Settings page's sections, each with its own URL (the pages with a `settingsTab` in
 * app-pages.tsx): the program's settings, (for the director) integration tokens and (for the IT
 * administrator) sign-in. Shown only when there is more than one section to choose from.
 */
export function SettingsTabs() {
  const me = useOutletContext<Me>();
  const tabs = APP_PAGES.filter((page) => page.settingsTab && (!page.action || me.actions.includes(page.action)));
  if (tabs.length < 2) return null;
  return (
    <nav aria-label="Settings sections" className="settings-tabs">
      {tabs.map((page) => (
        <NavLink key={page.path} to={appPageUrl(page)} end className="settings-tabs__link">
          {page.settingsTab}
        </NavLink>
      ))}
    </nav>
  );
}
