import { useMemo, useState } from 'react';
import { useOutletContext } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { useRota, useSchedule, type OnCallSide } from './api/on-call.ts';
import { NowCard } from './components/now-card.tsx';
import { RotationEditor } from './components/rotation-editor.tsx';
import { ScheduleDays } from './components/schedule-days.tsx';
import { AddShiftForm, SwapOnBehalfForm, UpcomingShifts } from './components/shift-forms.tsx';
import { FeedCard, MyShifts, SwapsCard, TakeNowCard } from './components/supporter-cards.tsx';
import { addLocalDays, localDayOf, startOfLocalDay } from '../../lib/zoned-time.ts';
import './components/on-call.css';

/** The calendar starts at the program's today; the organisation's zone comes with the signed-in account. */
function useWindow(days: number) {
  const me = useOutletContext<Me>();
  const timeZone = me.organization.timeZone;
  // Fixed for the page's life so the query key stays stable (the data refetches every minute).
  const from = useMemo(() => startOfLocalDay(new Date(), timeZone), [timeZone]);
  const to = addLocalDays(from, days, timeZone);
  return { me, from, to, timeZone };
}

function CalendarSection({
  side,
  days,
  setDays,
  children,
}: {
  side: OnCallSide;
  days: number;
  setDays: (d: number) => void;
  children?: (schedule: NonNullable<ReturnType<typeof useSchedule>['data']>) => React.ReactNode;
}) {
  const { me, from, to, timeZone } = useWindow(days);
  const schedule = useSchedule(side, from.toISOString(), to.toISOString());
  if (schedule.isPending) return <Loading label="Loading the rota…" />;
  if (schedule.isError) return <LoadError error={schedule.error} what="the rota" />;
  const data = schedule.data;
  return (
    <>
      <NowCard now={data.now} timeZone={data.timeZone} myId={me.person.id} />
      {children?.(data)}
      <section className="card stack stack--tight" aria-labelledby="calendar-title">
        <div className="on-call-calendar__head">
          <h2 id="calendar-title">Calendar</h2>
          <div role="group" aria-label="How many days" className="inline-form">
            {[7, 14].map((d) => (
              <button
                key={d}
                type="button"
                className={`button ${d === days ? 'button--primary' : 'button--secondary'}`}
                aria-pressed={d === days}
                onClick={() => setDays(d)}
              >
                {d === 7 ? 'One week' : 'Two weeks'}
              </button>
            ))}
          </div>
        </div>
        <p className="muted">Times in {timeZone}.</p>
        <ScheduleDays segments={data.segments} from={from} days={days} timeZone={data.timeZone} myId={me.person.id} />
      </section>
    </>
  );
}

/** A supporter's page: who is on call, my shifts, take the shift now, swaps, my calendar feed. */
export function OnCallPage() {
  const [days, setDays] = useState(14);
  const me = useOutletContext<Me>();
  return (
    <div className="stack on-call-page">
      <PageTitle title="On call" />
      <CalendarSection side="self" days={days} setDays={setDays}>
        {(data) => (
          <div className="on-call-grid">
            <TakeNowCard onCallIsMe={data.now.person?.id === me.person.id} />
            <MyShifts
              mine={data.segments.filter((s) => s.person.id === me.person.id && Date.parse(s.endsAt) > Date.now())}
              colleagues={data.colleagues}
              myId={me.person.id}
              timeZone={data.timeZone}
            />
            <SwapsCard myId={me.person.id} timeZone={data.timeZone} />
            <FeedCard />
          </div>
        )}
      </CalendarSection>
    </div>
  );
}

/** The administrator's page: the calendar, the rotation, single shifts and overrides, swaps on someone's behalf. */
export function OnCallRotaPage() {
  const [days, setDays] = useState(14);
  const rota = useRota();
  const me = useOutletContext<Me>();
  return (
    <div className="stack on-call-page">
      <PageTitle title="On-call rota" />
      <CalendarSection side="manage" days={days} setDays={setDays}>
        {(data) =>
          rota.isPending ? (
            <Loading label="Loading the rotation…" />
          ) : rota.isError ? (
            <LoadError error={rota.error} what="the rotation" />
          ) : (
            <div className="on-call-grid">
              <RotationEditor rota={rota.data} colleagues={data.colleagues} today={localDayOf(new Date(), me.organization.timeZone)} />
              <AddShiftForm colleagues={data.colleagues} timeZone={data.timeZone} />
              <SwapOnBehalfForm colleagues={data.colleagues} timeZone={data.timeZone} />
              <UpcomingShifts shifts={rota.data.shifts} timeZone={data.timeZone} />
            </div>
          )
        }
      </CalendarSection>
    </div>
  );
}
