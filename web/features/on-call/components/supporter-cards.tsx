import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { TAKE_NOW_MAX_HOURS } from '../../../../shared/schemas/on-call.ts';
import {
  useAnswerSwap,
  useIssueFeed,
  useMySwaps,
  useRequestSwap,
  useRevokeFeed,
  useTakeNow,
  type RotaPerson,
  type ScheduleSegment,
} from '../api/on-call.ts';
import { DateTimeInput, fieldError, PersonSelect } from './fields.tsx';
import { dateTimeLabel, fromLocalInput, fullName, toLocalInput } from '../../../lib/zoned-time.ts';

/** "Take this shift now": cover from now for a few hours, over whoever is on call. */
export function TakeNowCard({ onCallIsMe }: { onCallIsMe: boolean }) {
  const [hours, setHours] = useState('4');
  const take = useTakeNow();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    take.mutate(Number(hours));
  };
  return (
    <form className="card stack stack--tight" onSubmit={submit} aria-labelledby="take-now-title">
      <h2 id="take-now-title">Take the shift now</h2>
      <p className="muted">
        {onCallIsMe ? 'You are on call now. Extend your time if you like.' : 'Cover from now, for example when a colleague needs a break.'}
      </p>
      <div className="inline-form">
        <label className="field">
          <span className="field__label">For how many hours</span>
          <input
            className="field__input"
            type="number"
            min={1}
            max={TAKE_NOW_MAX_HOURS}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            required
          />
          {fieldError(take.error, 'hours') && <span className="field__error">{fieldError(take.error, 'hours')}</span>}
        </label>
        <Button type="submit" variant="primary" isDisabled={take.isPending}>
          Take the shift now
        </Button>
      </div>
      {take.isSuccess && <Notice tone="success">You have taken the shift.</Notice>}
    </form>
  );
}

/** My stretches in the coming weeks, each with a way to ask a colleague to take it. */
export function MyShifts({
  mine,
  colleagues,
  myId,
  timeZone,
}: {
  mine: ScheduleSegment[];
  colleagues: RotaPerson[];
  myId: string;
  timeZone: string;
}) {
  const [asking, setAsking] = useState<ScheduleSegment | null>(null);
  return (
    <section className="card stack stack--tight" aria-labelledby="my-shifts-title">
      <h2 id="my-shifts-title">My next shifts</h2>
      {mine.length === 0 ? (
        <p className="muted">You have no on-call time in the next two weeks.</p>
      ) : (
        <ul className="on-call-list">
          {mine.map((s) => (
            <li key={s.startsAt} className="on-call-list__item">
              <span>
                {dateTimeLabel(s.startsAt, timeZone)} – {dateTimeLabel(s.endsAt, timeZone)}
              </span>
              <Button
                variant="quiet"
                onPress={() => setAsking(s)}
                aria-label={`Ask a colleague to take ${dateTimeLabel(s.startsAt, timeZone)}`}
              >
                Ask a colleague
              </Button>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <SwapRequestForm
          key={asking.startsAt}
          stretch={asking}
          colleagues={colleagues.filter((c) => c.id !== myId)}
          timeZone={timeZone}
          onDone={() => setAsking(null)}
        />
      )}
    </section>
  );
}

function SwapRequestForm({
  stretch,
  colleagues,
  timeZone,
  onDone,
}: {
  stretch: ScheduleSegment;
  colleagues: RotaPerson[];
  timeZone: string;
  onDone: () => void;
}) {
  const [toPersonId, setTo] = useState('');
  const [start, setStart] = useState(toLocalInput(stretch.startsAt, timeZone));
  const [end, setEnd] = useState(toLocalInput(stretch.endsAt, timeZone));
  const ask = useRequestSwap();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate(
      { toPersonId, startsAt: fromLocalInput(start, timeZone) ?? start, endsAt: fromLocalInput(end, timeZone) ?? end },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="stack stack--tight on-call-subform" onSubmit={submit} aria-label="Ask a colleague to take this time">
      <div className="form__grid">
        <PersonSelect
          label="Colleague"
          people={colleagues}
          value={toPersonId}
          onChange={setTo}
          error={fieldError(ask.error, 'toPersonId')}
        />
        <DateTimeInput label={`From (${timeZone})`} value={start} onChange={setStart} error={fieldError(ask.error, 'startsAt')} />
        <DateTimeInput label="To" value={end} onChange={setEnd} error={fieldError(ask.error, 'endsAt')} />
      </div>
      {ask.isError && <Notice tone="error">{ask.error.message}</Notice>}
      <div className="inline-form">
        <Button type="submit" variant="primary" isDisabled={ask.isPending}>
          Send the request
        </Button>
        <Button variant="quiet" onPress={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

const STATUS_LABELS = { pending: 'Waiting for an answer', accepted: 'Accepted', declined: 'Declined', cancelled: 'Withdrawn' } as const;

/** Swaps I asked for and swaps asked of me. */
export function SwapsCard({ myId, timeZone }: { myId: string; timeZone: string }) {
  const swaps = useMySwaps();
  const answer = useAnswerSwap();
  const list = swaps.data?.swaps ?? [];
  return (
    <section className="card stack stack--tight" aria-labelledby="swaps-title">
      <h2 id="swaps-title">Swaps</h2>
      {list.length === 0 ? (
        <p className="muted">No swaps in the last 30 days.</p>
      ) : (
        <ul className="on-call-list">
          {list.map((s) => {
            const incoming = s.to.id === myId;
            return (
              <li key={s.id} className="on-call-list__item">
                <span>
                  {incoming ? `${fullName(s.from)} asks you to take` : `You asked ${fullName(s.to)} to take`}{' '}
                  {dateTimeLabel(s.startsAt, timeZone)} – {dateTimeLabel(s.endsAt, timeZone)}
                  <br />
                  <span className="muted">
                    {STATUS_LABELS[s.status]}
                    {s.madeOnBehalf ? ' · made by the program' : ''}
                  </span>
                </span>
                {s.status === 'pending' && (
                  <span className="inline-form">
                    {incoming ? (
                      <>
                        <Button variant="primary" onPress={() => answer.mutate({ id: s.id, answer: 'accept' })}>
                          Accept
                        </Button>
                        <Button onPress={() => answer.mutate({ id: s.id, answer: 'decline' })}>Decline</Button>
                      </>
                    ) : (
                      <Button onPress={() => answer.mutate({ id: s.id, answer: 'cancel' })}>Withdraw</Button>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {answer.isError && <Notice tone="error">{answer.error.message}</Notice>}
    </section>
  );
}

/** My calendar feed: a private address to subscribe to, shown once; a new one replaces the old. */
export function FeedCard() {
  const issue = useIssueFeed();
  const revoke = useRevokeFeed();
  const [copied, setCopied] = useState(false);
  const url = issue.data ? new URL(issue.data.path, window.location.origin).toString() : null;
  return (
    <section className="card stack stack--tight" aria-labelledby="feed-title">
      <h2 id="feed-title">My shifts in my calendar</h2>
      <p className="muted">
        Subscribe to this private address in your calendar app. Events just say “On call”. Getting a new address turns the old one off.
      </p>
      {url && (
        <div className="stack stack--tight">
          <label className="field">
            <span className="field__label">Your calendar address (shown once)</span>
            <input className="field__input" readOnly value={url} onFocus={(e) => e.target.select()} />
          </label>
          <div>
            <Button
              onPress={() => {
                void navigator.clipboard?.writeText(url).then(() => setCopied(true));
              }}
            >
              Copy address
            </Button>
            {copied && (
              <span className="muted" role="status">
                {' '}
                Copied.
              </span>
            )}
          </div>
        </div>
      )}
      <div className="inline-form">
        <Button
          variant="primary"
          onPress={() => {
            setCopied(false);
            revoke.reset();
            issue.mutate();
          }}
          isDisabled={issue.isPending}
        >
          {url ? 'Get another address' : 'Get my calendar address'}
        </Button>
        <Button
          variant="quiet"
          onPress={() => {
            issue.reset();
            revoke.mutate();
          }}
          isDisabled={revoke.isPending}
        >
          Turn the feed off
        </Button>
      </div>
      {revoke.isSuccess && <Notice tone="info">Your calendar feed is off.</Notice>}
      {(issue.isError || revoke.isError) && <Notice tone="error">{(issue.error ?? revoke.error)?.message}</Notice>}
    </section>
  );
}
