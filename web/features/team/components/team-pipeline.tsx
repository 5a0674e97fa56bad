import { useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import type { TeamMember } from '../../../../shared/schemas/team.ts';
import type { SupporterEventType } from '../../../../shared/supporter-lifecycle.ts';
import { ActionMenu } from '../../../components/ui/action-menu.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage, LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { formatDay } from '../../../lib/calendar-day.ts';
import { useDecide, useTeam } from '../api/team.ts';
import { CertifyDialog } from './certify-dialog.tsx';
import { DECISION_LABELS, STAGE_LABELS, STAGE_ORDER } from './vocabulary.ts';
import './team.css';

const fullName = (m: { firstName: string; lastName: string }) => `${m.firstName} ${m.lastName}`;
/** The pipeline first (where decisions wait), then the team, then those who left; by name within a stage. */
const byStage = (a: TeamMember, b: TeamMember) =>
  STAGE_ORDER.indexOf(a.state) - STAGE_ORDER.indexOf(b.state) ||
  a.lastName.localeCompare(b.lastName) ||
  a.firstName.localeCompare(b.firstName);

/** Steps forward get a button; the rarer ones (not selected, pause, retire, recertify) sit under "More". */
const FORWARD: readonly SupporterEventType[] = ['accepted_for_training', 'certified', 'activated', 'resumed', 'refresher_started'];

function Decisions({
  member,
  onDecide,
  pendingType,
}: {
  member: TeamMember;
  onDecide: (type: SupporterEventType) => void;
  pendingType: string | null;
}) {
  const steps = member.allowedEvents.filter((e) => e in DECISION_LABELS);
  const name = fullName(member);
  return (
    <div className="inline-form team-decisions">
      {steps
        .filter((type) => FORWARD.includes(type))
        .map((type) => (
          <Button
            key={type}
            aria-label={`${DECISION_LABELS[type]}: ${name}`}
            isPending={pendingType === type}
            onPress={() => onDecide(type)}
          >
            {DECISION_LABELS[type]}
          </Button>
        ))}
      <ActionMenu
        label={`More decisions: ${name}`}
        items={steps
          .filter((type) => !FORWARD.includes(type))
          .map((type) => ({ id: type, label: DECISION_LABELS[type]!, onAction: () => onDecide(type) }))}
      />
    </div>
  );
}

/**
 * The director's view of the team: people per stage, who lapses soon, and everyone past their own
 * "yes" with the decisions open now. Someone merely nominated is a number only.
 */
export function TeamPipeline({ canDecide }: { canDecide: boolean }) {
  const team = useTeam();
  const decide = useDecide();
  const [certifying, setCertifying] = useState<{ member: TeamMember; type: 'certified' | 'recertified' } | null>(null);
  if (team.isPending) return <Loading label="Loading the team…" />;
  if (team.isError) return <LoadError error={team.error} what="the team" />;
  const { counts, members, lapsingSoon, today } = team.data;

  return (
    <div className="stack">
      <section aria-labelledby="stages-title" className="stack stack--tight">
        <h2 id="stages-title">Stages</h2>
        <ul className="team-stages">
          {STAGE_ORDER.map((stage) => (
            <li key={stage} className={`team-stage${counts[stage] ? '' : ' team-stage--empty'}`}>
              <span className="team-stage__count">{counts[stage] ?? 0}</span>
              <span className="team-stage__label">{STAGE_LABELS[stage]}</span>
            </li>
          ))}
        </ul>
        <p className="muted">Nominated colleagues are counted, not named: they have not yet said whether they are interested.</p>
      </section>

      {lapsingSoon.length > 0 && (
        <section className="card stack stack--tight" aria-labelledby="lapsing-title">
          <h2 id="lapsing-title">Certifications ending within 60 days</h2>
          <ul>
            {lapsingSoon.map((l) => (
              <li key={l.personId}>
                {fullName(l)}: until {formatDay(l.certifiedUntil)}
              </li>
            ))}
          </ul>
        </section>
      )}

      {decide.isError && <Notice tone="error">{errorMessage(decide.error)}</Notice>}
      <div className="table-scroll">
        <Table aria-label="People on their way to the team, and on it" className="table team-table">
          <TableHeader>
            <Column isRowHeader>Name</Column>
            <Column>Profession · department</Column>
            <Column>Stage</Column>
            <Column>Since</Column>
            <Column>Certified until</Column>
            <Column>Nominated by</Column>
            <Column>{canDecide ? 'Decisions' : 'On duty'}</Column>
          </TableHeader>
          <TableBody
            items={[...members].sort(byStage).map((m) => ({ ...m, id: m.personId }))}
            renderEmptyState={() => (
              <p className="table__empty">Nobody yet. Colleagues can volunteer or be suggested from “Peer support team”.</p>
            )}
          >
            {(m) => (
              <Row id={m.personId} textValue={fullName(m)}>
                <Cell>{fullName(m)}</Cell>
                <Cell>{[m.profession, m.department].filter(Boolean).join(' · ') || '—'}</Cell>
                <Cell>
                  <span className={`tag${m.onDuty ? '' : ' tag--muted'}`}>{STAGE_LABELS[m.state]}</span>
                </Cell>
                <Cell>{m.stateSince ? formatDay(m.stateSince.slice(0, 10)) : '—'}</Cell>
                <Cell>
                  {m.certifiedUntil ? formatDay(m.certifiedUntil) : '—'}
                  {m.certifiedUntil && m.certifiedUntil < today && <span className="tag tag--muted">Ended</span>}
                </Cell>
                <Cell>{m.nominations === 0 ? '—' : m.nominations === 1 ? '1 colleague' : `${m.nominations} colleagues`}</Cell>
                <Cell>
                  {canDecide ? (
                    <Decisions
                      member={m}
                      onDecide={(type) =>
                        type === 'certified' || type === 'recertified'
                          ? setCertifying({ member: m, type })
                          : decide.mutate({ personId: m.personId, event: { type } as never })
                      }
                      pendingType={decide.isPending && decide.variables?.personId === m.personId ? decide.variables.event.type : null}
                    />
                  ) : m.onDuty ? (
                    'Yes'
                  ) : (
                    'No'
                  )}
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
      {certifying && (
        <CertifyDialog
          person={{ personId: certifying.member.personId, name: fullName(certifying.member) }}
          type={certifying.type}
          today={today}
          onClose={() => setCertifying(null)}
        />
      )}
    </div>
  );
}
