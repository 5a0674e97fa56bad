import { RequireAction } from './require-action.tsx';
import { ImportRosterRoute } from './routes/import-roster.tsx';
import { OrganizationRoute } from './routes/organization.tsx';
import { PeopleRoute } from './routes/people.tsx';
import { PersonRoute } from './routes/person.tsx';
import { SettingsRoute } from './routes/settings.tsx';

/** Administration pages, each behind the action that the server also requires for its API. */
export const PeoplePage = () => (
  <RequireAction action="people.read">
    <PeopleRoute />
  </RequireAction>
);
export const PersonPage = () => (
  <RequireAction action="people.read">
    <PersonRoute />
  </RequireAction>
);
export const ImportPage = () => (
  <RequireAction action="people.import">
    <ImportRosterRoute />
  </RequireAction>
);
export const OrganizationPage = () => (
  <RequireAction action="organization.manage">
    <OrganizationRoute />
  </RequireAction>
);
export const SettingsPage = () => (
  <RequireAction action="settings.manage">
    <SettingsRoute />
  </RequireAction>
);
