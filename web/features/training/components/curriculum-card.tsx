import { useState } from 'react';
import { Cell, Column, Form, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import type { Curriculum, TrainingOverview } from '../../../../shared/schemas/training.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formatDateTime } from '../../../lib/case-vocabulary.ts';
import { useCurriculumVersion, useSaveCurriculum, type CurriculumInput } from '../api/training.ts';
import { formatMinutes } from './vocabulary.ts';

function ModulesTable({ curriculum, label }: { curriculum: Curriculum; label: string }) {
  return (
    <div className="table-scroll">
      <Table aria-label={label} className="table">
        <TableHeader>
          <Column isRowHeader>Module</Column>
          <Column>Length</Column>
          <Column>Required</Column>
        </TableHeader>
        <TableBody items={curriculum.modules.map((m) => ({ ...m, id: m.key }))}>
          {(m) => (
            <Row id={m.key} textValue={m.title}>
              <Cell>
                <strong>{m.title}</strong>
                {m.description && <div className="muted training-description">{m.description}</div>}
              </Cell>
              <Cell>{formatMinutes(m.minutes)}</Cell>
              <Cell>{m.required ? 'Required' : 'Optional'}</Cell>
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  );
}

type Draft = CurriculumInput['modules'][number] & { draftId: string };

/** The director edits every module in place; saving stores a new version and keeps the old ones. */
function CurriculumEditor({ curriculum, onDone }: { curriculum: Curriculum; onDone: () => void }) {
  const save = useSaveCurriculum();
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    curriculum.modules.map((m) => ({
      draftId: m.key,
      key: m.key,
      title: m.title,
      description: m.description,
      minutes: m.minutes,
      required: m.required,
    })),
  );
  const change = (index: number, patch: Partial<Draft>) => setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ modules: drafts.map(({ draftId: _draftId, ...m }) => m) }, { onSuccess: onDone });
      }}
    >
      {save.isError && <Notice tone="error">{errorMessage(save.error)}</Notice>}
      {drafts.map((d, index) => (
        <fieldset key={d.draftId} className="training-module-edit">
          <legend>Module {index + 1}</legend>
          <div className="form__row">
            <TextField label="Title" value={d.title} onChange={(title) => change(index, { title })} isRequired />
            <TextField
              label="Length in hours"
              type="number"
              value={String(d.minutes / 60)}
              onChange={(hours) => change(index, { minutes: Math.round(Number(hours) * 60) })}
              isRequired
            />
          </div>
          <TextField label="Short description" value={d.description} onChange={(description) => change(index, { description })} />
          <div className="inline-form training-actions">
            <Checkbox isSelected={d.required} onChange={(required) => change(index, { required })}>
              Required for certification
            </Checkbox>
            <Button variant="quiet" onPress={() => setDrafts((all) => all.filter((_, i) => i !== index))} aria-label={`Remove ${d.title}`}>
              Remove
            </Button>
          </div>
        </fieldset>
      ))}
      <div className="inline-form training-actions">
        <Button
          onPress={() =>
            setDrafts((all) => [
              ...all,
              { draftId: `new-${all.length}-${Date.now()}`, title: '', description: '', minutes: 60, required: true },
            ])
          }
        >
          Add a module
        </Button>
        <Button onPress={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={save.isPending}>
          Save as version {curriculum.version + 1}
        </Button>
      </div>
    </Form>
  );
}

/** The current curriculum, earlier versions read-only, and the director's editor. */
export function CurriculumCard({ overview, canConfigure }: { overview: TrainingOverview; canConfigure: boolean }) {
  const [editing, setEditing] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const old = useCurriculumVersion(viewing !== null && viewing !== overview.curriculum.version ? viewing : null);
  const { curriculum, versions } = overview;
  return (
    <section className="card stack stack--tight" aria-labelledby="curriculum-title">
      <div className="training-heading">
        <h2 id="curriculum-title">Curriculum, version {curriculum.version}</h2>
        {canConfigure && !editing && <Button onPress={() => setEditing(true)}>Edit curriculum</Button>}
      </div>
      <p className="muted">
        Saved {formatDateTime(curriculum.createdAt)}. Trainees are certified once they have attended every required module and passed an
        observed role-play.
      </p>
      {editing ? (
        <CurriculumEditor curriculum={curriculum} onDone={() => setEditing(false)} />
      ) : (
        <ModulesTable curriculum={curriculum} label="Current modules" />
      )}
      {versions.length > 1 && (
        <div className="stack stack--tight">
          <SelectField
            label="Earlier versions (read-only)"
            options={versions
              .filter((v) => v.version !== curriculum.version)
              .map((v) => ({ id: String(v.version), label: `Version ${v.version}, ${formatDateTime(v.createdAt)}` }))}
            value={viewing === null ? null : String(viewing)}
            onChange={(v) => setViewing(v === null ? null : Number(v))}
            className="training-version-select"
          />
          {old.data && <ModulesTable curriculum={old.data} label={`Modules of version ${old.data.version}`} />}
        </div>
      )}
    </section>
  );
}
