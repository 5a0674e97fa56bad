import './supporter-profile.css';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useOwnSupporterProfile } from '../api/supporter-profile.ts';
import { DebriefRequestCard } from './debrief-request-card.tsx';
import { PauseOffersCard } from './pause-offers-card.tsx';
import { ProfileStatusCard } from './profile-status-card.tsx';
import { SupporterProfileForm } from './supporter-profile-form.tsx';
import { todayIn } from '../../../lib/calendar-day.ts';

/** A supporter's own page: where they stand, a quick pause or cool-down, what matching should know, and a debrief for themselves. */
export function SupporterProfileView({ timeZone }: { timeZone: string }) {
  const profile = useOwnSupporterProfile();
  if (profile.isPending) return <Loading label="Loading your profile…" />;
  if (profile.isError) return <LoadError error={profile.error} what="your supporter profile" />;
  const today = todayIn(timeZone);
  return (
    <>
      <div className="two-columns">
        <ProfileStatusCard profile={profile.data} today={today} />
        <PauseOffersCard profile={profile.data} today={today} />
      </div>
      <SupporterProfileForm profile={profile.data} today={today} />
      <DebriefRequestCard />
    </>
  );
}
