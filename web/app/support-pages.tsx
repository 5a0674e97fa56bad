import { RequireAction } from './require-action.tsx';
import { AskForSupportRoute } from './routes/ask-for-support.tsx';
import { MyRequestsRoute } from './routes/my-requests.tsx';
import { OffersRoute } from './routes/offers.tsx';
import { ReferColleagueRoute } from './routes/refer-colleague.tsx';
import { ResourcesRoute } from './routes/resources.tsx';
import { SupporterCaseRoute } from './routes/supporter-case.tsx';
import { SupporterCasesRoute } from './routes/supporter-cases.tsx';
import { SupporterProfileRoute } from './routes/supporter-profile.tsx';
import { SupportersRoute } from './routes/supporters.tsx';

/** Peer support pages, each behind the action that the server also requires for its API. */
export const AskForSupportPage = () => (
  <RequireAction action="support.request">
    <AskForSupportRoute />
  </RequireAction>
);
export const ReferColleaguePage = () => (
  <RequireAction action="support.request">
    <ReferColleagueRoute />
  </RequireAction>
);
export const MyRequestsPage = () => (
  <RequireAction action="support.request">
    <MyRequestsRoute />
  </RequireAction>
);
export const ResourcesPage = () => (
  <RequireAction action="resources.read">
    <ResourcesRoute />
  </RequireAction>
);
export const OffersPage = () => (
  <RequireAction action="supporter.self">
    <OffersRoute />
  </RequireAction>
);
export const SupporterCasesPage = () => (
  <RequireAction action="supporter.self">
    <SupporterCasesRoute />
  </RequireAction>
);
export const SupporterCasePage = () => (
  <RequireAction action="supporter.self">
    <SupporterCaseRoute />
  </RequireAction>
);
export const SupporterProfilePage = () => (
  <RequireAction action="supporter.self">
    <SupporterProfileRoute />
  </RequireAction>
);
export const SupportersPage = () => (
  <RequireAction action="supporters.manage">
    <SupportersRoute />
  </RequireAction>
);
