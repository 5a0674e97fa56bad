import { NavLink, useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { APP_PAGES, appPageUrl, type TabGroup } from '../app-pages.tsx';

const LABELS: Record<TabGroup, string> = { settings: 'Settings sections', team: 'Team sections', people: 'People sections' };

/**
 * A page's sections, each with its own URL (the pages with a `tab` of this group in app-pages.tsx):
 * Settings (program settings, integration tokens, sign-in), Team (the pipeline, training, meetings,
 * the supporter pool) and People (the directory, the roster import). Shown only when there is more than one section the signed-in person may open.
 */
export function SectionTabs({ group }: { group: TabGroup }) {
  const me = useOutletContext<Me>();
  const tabs = APP_PAGES.filter((page) => page.tab?.group === group && (!page.action || me.actions.includes(page.action)));
  if (tabs.length < 2) return null;
  return (
    <nav aria-label={LABELS[group]} className="settings-tabs">
      {tabs.map((page) => (
        <NavLink key={page.path} to={appPageUrl(page)} end className="settings-tabs__link">
          {page.tab!.label}
        </NavLink>
      ))}
    </nav>
  );
}
