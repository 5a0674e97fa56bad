import { useState } from 'react';
import { Cell, Column, Form, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import type { TrainingOverview } from '../../../../shared/schemas/training.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useSaveTrainingSettings } from '../api/training.ts';
import { fullName } from './vocabulary.ts';

/** Everyone in training and how far they are towards the certification rule. */
export function TraineesCard({ overview }: { overview: TrainingOverview }) {
  return (
    <section className="card stack stack--tight" aria-labelledby="trainees-title">
      <h2 id="trainees-title">In training</h2>
      <div className="table-scroll">
        <Table aria-label="People in training" className="table">
          <TableHeader>
            <Column isRowHeader>Name</Column>
            <Column>Required modules attended</Column>
            <Column>Role-play passed</Column>
          </TableHeader>
          <TableBody
            items={overview.trainees.map((p) => ({ ...p, id: p.personId }))}
            renderEmptyState={() => (
              <p className="table__empty">Nobody is in training. The director takes people into training on the Team page.</p>
            )}
          >
            {(p) => (
              <Row id={p.personId} textValue={fullName(p)}>
                <Cell>{fullName(p)}</Cell>
                <Cell>
                  {p.requiredAttended} of {p.requiredTotal}
                </Cell>
                <Cell>{p.passedRolePlay ? 'Yes' : 'Not yet'}</Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

/** How many people in training, and on the team, have attended each module. */
export function CoverageCard({ overview }: { overview: TrainingOverview }) {
  return (
    <section className="card stack stack--tight" aria-labelledby="coverage-title">
      <h2 id="coverage-title">Training coverage</h2>
      <p className="muted">How many people in training, and on the team, have attended each module.</p>
      <div className="table-scroll">
        <Table aria-label="Training coverage per module" className="table">
          <TableHeader>
            <Column isRowHeader>Module</Column>
            <Column>In training</Column>
            <Column>On the team</Column>
          </TableHeader>
          <TableBody items={overview.coverage.map((c) => ({ ...c, id: c.key }))}>
            {(c) => (
              <Row id={c.key} textValue={c.title}>
                <Cell>
                  {c.title}
                  {!c.required && <span className="muted"> (optional)</span>}
                </Cell>
                <Cell>{c.inTraining}</Cell>
                <Cell>{c.onTeam}</Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

/** How long a certification earned by training lasts: the director's choice. */
export function CertificationPeriodCard({ overview, canConfigure }: { overview: TrainingOverview; canConfigure: boolean }) {
  const save = useSaveTrainingSettings();
  const [months, setMonths] = useState(String(overview.certificationMonths));
  const errors = fieldErrors(save.error);
  return (
    <section className="card stack stack--tight" aria-labelledby="period-title">
      <h2 id="period-title">Certification period</h2>
      {canConfigure ? (
        <Form
          className="inline-form training-period"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(Number(months));
          }}
        >
          <TextField
            label="Months a certification lasts"
            name="certificationMonths"
            type="number"
            value={months}
            onChange={setMonths}
            errorMessage={errors.certificationMonths}
            isRequired
          />
          <Button type="submit" isPending={save.isPending}>
            Save
          </Button>
        </Form>
      ) : (
        <p>A certification earned by training lasts {overview.certificationMonths} months.</p>
      )}
      {save.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(save.error)}</Notice>}
      {save.isSuccess && <p className="muted">Saved. Certifications from now on last {save.data.certificationMonths} months.</p>}
    </section>
  );
}
