import { useState } from 'react';
import { Cell, CheckboxGroup, Column, Form, Label, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { CHECKLIST_ITEMS, type Scenario, type TrainingOverview } from '../../../../shared/schemas/training.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { RadioGroupField } from '../../../components/ui/radio-group.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { datedTimeLabel, fromLocalInput, toLocalInput } from '../../../lib/zoned-time.ts';
import { useAddScenario, useEditScenario, useRecordObservation } from '../api/training.ts';
import { CHECKLIST_LABELS, fullName } from './vocabulary.ts';

type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

/** The observer ticks what they saw; there is deliberately no box for notes about the trainee. */
function RecordRolePlayDialog({ overview, onClose }: { overview: TrainingOverview; onClose: () => void }) {
  const record = useRecordObservation();
  const [traineeId, setTraineeId] = useState<string | null>(null);
  const [scenarioId, setScenarioId] = useState<string | null>(overview.scenarios[0]?.id ?? null);
  const [observerId, setObserverId] = useState<string | null>(null);
  const zone = overview.timeZone;
  // Now, on the program's clock: the observer enters the time as it was where the role-play took place.
  const [observedAt, setObservedAt] = useState(() => toLocalInput(new Date().toISOString(), zone));
  const [seen, setSeen] = useState<string[]>([]);
  const [result, setResult] = useState<'pass' | 'repeat'>('repeat');
  const errors = fieldErrors(record.error);
  const people = overview.people.map((p) => ({ id: p.personId, label: fullName(p) }));
  const trainees = overview.people.filter((p) => p.state === 'in_training').map((p) => ({ id: p.personId, label: fullName(p) }));
  const allSeen = seen.length === CHECKLIST_ITEMS.length;
  return (
    <ModalDialog title="Record a role-play" isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <Form
          className="form"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            const checklist = Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, seen.includes(item)])) as Record<
              ChecklistItem,
              boolean
            >;
            record.mutate(
              {
                traineeId: traineeId ?? '',
                scenarioId: scenarioId ?? '',
                observerId: observerId ?? '',
                observedAt: fromLocalInput(observedAt, zone) ?? observedAt,
                checklist,
                result,
              },
              { onSuccess: close },
            );
          }}
        >
          {record.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(record.error)}</Notice>}
          <div className="form__row">
            <SelectField
              label="Trainee"
              name="traineeId"
              options={trainees.length ? trainees : people}
              value={traineeId}
              onChange={setTraineeId}
              errorMessage={errors.traineeId}
              isRequired
            />
            <SelectField
              label="Scenario"
              name="scenarioId"
              options={overview.scenarios.map((s) => ({ id: s.id, label: s.title }))}
              value={scenarioId}
              onChange={setScenarioId}
              errorMessage={errors.scenarioId}
              isRequired
            />
          </div>
          <div className="form__row">
            <SelectField
              label="Observer"
              name="observerId"
              options={people}
              value={observerId}
              onChange={setObserverId}
              errorMessage={errors.observerId}
              isRequired
            />
            <TextField
              label="When"
              name="observedAt"
              type="datetime-local"
              value={observedAt}
              onChange={setObservedAt}
              description={`Times are in ${zone}`}
              errorMessage={errors.observedAt}
              isRequired
            />
          </div>
          <CheckboxGroup
            value={seen}
            onChange={(v) => {
              setSeen(v);
              if (v.length < CHECKLIST_ITEMS.length) setResult('repeat');
            }}
            className="checkbox-group"
          >
            <Label className="field__label">What the observer saw</Label>
            {CHECKLIST_ITEMS.map((item) => (
              <Checkbox key={item} value={item}>
                {CHECKLIST_LABELS[item]}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <RadioGroupField
            label="Result"
            name="result"
            orientation="horizontal"
            options={[
              { id: 'pass', label: 'Pass' },
              { id: 'repeat', label: 'Repeat' },
            ]}
            value={result}
            onChange={(v) => setResult(v as 'pass' | 'repeat')}
            description={allSeen ? undefined : 'A pass needs every item of the checklist.'}
            errorMessage={errors.result}
            isDisabled={!allSeen}
          />
          <div className="dialog__actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={record.isPending}>
              Record
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}

function ScenarioDialog({ scenario, onClose }: { scenario: Scenario | null; onClose: () => void }) {
  const add = useAddScenario();
  const edit = useEditScenario();
  const mutation = scenario ? edit : add;
  const [title, setTitle] = useState(scenario?.title ?? '');
  const [situation, setSituation] = useState(scenario?.situation ?? '');
  const errors = fieldErrors(mutation.error);
  return (
    <ModalDialog title={scenario ? `Edit “${scenario.title}”` : 'New scenario'} isOpen onOpenChange={(open) => !open && onClose()}>
      {(close) => (
        <Form
          className="form"
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            if (scenario) edit.mutate({ id: scenario.id, title, situation }, { onSuccess: close });
            else add.mutate({ title, situation }, { onSuccess: close });
          }}
        >
          {mutation.isError && Object.keys(errors).length === 0 && <Notice tone="error">{errorMessage(mutation.error)}</Notice>}
          <TextField label="Title" name="title" value={title} onChange={setTitle} isRequired errorMessage={errors.title} />
          <TextField
            label="Situation"
            name="situation"
            multiline
            value={situation}
            onChange={setSituation}
            isRequired
            errorMessage={errors.situation}
          />
          <div className="dialog__actions">
            <Button onPress={close}>Cancel</Button>
            <Button type="submit" variant="primary" isPending={mutation.isPending}>
              Save
            </Button>
          </div>
        </Form>
      )}
    </ModalDialog>
  );
}

/** Observed role-plays (results and checklists) and the scenario library. */
export function RolePlaysCard({ overview, canConfigure }: { overview: TrainingOverview; canConfigure: boolean }) {
  const [recording, setRecording] = useState(false);
  const [editing, setEditing] = useState<Scenario | 'new' | null>(null);
  return (
    <section className="card stack stack--tight" aria-labelledby="role-plays-title">
      <div className="training-heading">
        <h2 id="role-plays-title">Observed role-plays</h2>
        <Button variant="primary" onPress={() => setRecording(true)}>
          Record a role-play
        </Button>
      </div>
      <div className="table-scroll">
        <Table aria-label="Observed role-plays" className="table">
          <TableHeader>
            <Column isRowHeader>Trainee</Column>
            <Column>Scenario</Column>
            <Column>Observer</Column>
            <Column>When</Column>
            <Column>Checklist</Column>
            <Column>Result</Column>
          </TableHeader>
          <TableBody items={overview.observations} renderEmptyState={() => <p className="table__empty">No role-plays recorded yet.</p>}>
            {(o) => (
              <Row id={o.id} textValue={fullName(o.trainee)}>
                <Cell>{fullName(o.trainee)}</Cell>
                <Cell>{o.scenarioTitle}</Cell>
                <Cell>{fullName(o.observer)}</Cell>
                <Cell>{datedTimeLabel(o.observedAt, overview.timeZone)}</Cell>
                <Cell>
                  {CHECKLIST_ITEMS.filter((item) => o.checklist[item]).length} of {CHECKLIST_ITEMS.length}
                </Cell>
                <Cell>
                  <span className={`tag${o.result === 'pass' ? '' : ' tag--muted'}`}>{o.result === 'pass' ? 'Pass' : 'Repeat'}</span>
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </div>
      <div className="training-heading">
        <h3>Scenarios</h3>
        {canConfigure && <Button onPress={() => setEditing('new')}>Add a scenario</Button>}
      </div>
      <ul className="training-scenarios">
        {overview.scenarios.map((s) => (
          <li key={s.id}>
            <div>
              <strong>{s.title}</strong>
              <p className="muted">{s.situation}</p>
            </div>
            {canConfigure && (
              <Button variant="quiet" aria-label={`Edit scenario: ${s.title}`} onPress={() => setEditing(s)}>
                Edit
              </Button>
            )}
          </li>
        ))}
      </ul>
      {recording && <RecordRolePlayDialog overview={overview} onClose={() => setRecording(false)} />}
      {editing && <ScenarioDialog scenario={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
