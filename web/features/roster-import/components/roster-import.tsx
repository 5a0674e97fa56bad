import './roster-import.css';
import { useRef, useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { ROSTER_COLUMNS, ROSTER_REQUIRED_COLUMNS, type RosterReport } from '../../../../shared/schemas/roster.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { useRosterUpload } from '../api/upload-roster.ts';
import { RosterReportView } from './roster-report-view.tsx';
import { downloadRosterTemplate } from './roster-template.ts';
import { UploadProgress } from './upload-progress.tsx';

const number = new Intl.NumberFormat('en-US');
const OPTIONAL_COLUMNS = ROSTER_COLUMNS.filter((c) => !(ROSTER_REQUIRED_COLUMNS as readonly string[]).includes(c));

/**
 * Choose a CSV → it is checked on the server (nothing written) → see the counts and errors →
 * import. The same file is sent again to import, so what is written is exactly what was checked.
 */
export function RosterImport() {
  const upload = useRosterUpload();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<RosterReport | null>(null);
  const abort = useRef<AbortController | null>(null);

  const send = (chosen: File, apply: boolean, skipInvalid = false) => {
    abort.current = new AbortController();
    setProgress(0);
    upload.mutate(
      { file: chosen, apply, skipInvalid, onProgress: setProgress, signal: abort.current.signal },
      { onSuccess: setReport, onSettled: () => setProgress(null) },
    );
  };

  const choose = (files: FileList | null) => {
    const chosen = files?.[0];
    if (!chosen) return;
    setFile(chosen);
    setReport(null);
    send(chosen, false);
  };

  const cancelled = upload.error instanceof DOMException && upload.error.name === 'AbortError';
  const valid = report ? report.rows - report.invalid : 0;

  return (
    <div className="stack">
      <section className="card stack stack--tight" aria-labelledby="roster-file-title">
        <h2 id="roster-file-title">Roster file</h2>
        <p>
          A CSV file with a header row. Required columns: <code>{ROSTER_REQUIRED_COLUMNS.join(', ')}</code>. Optional:{' '}
          <code>{OPTIONAL_COLUMNS.join(', ')}</code>. People are matched by work e-mail: existing people are updated, new ones are added.
          Checking a file changes nothing.
        </p>
        <div className="toolbar">
          <FileTrigger acceptedFileTypes={['.csv', 'text/csv']} onSelect={choose}>
            <Button variant="primary" isDisabled={progress !== null}>
              {file ? 'Choose another file' : 'Choose CSV file'}
            </Button>
          </FileTrigger>
          <Button variant="quiet" onPress={downloadRosterTemplate}>
            Download template
          </Button>
        </div>
        {file && progress === null && (
          <p className="muted">
            Selected: <strong>{file.name}</strong> ({number.format(Math.ceil(file.size / 1024))} KB)
          </p>
        )}
        {file && progress !== null && <UploadProgress fileName={file.name} fraction={progress} onCancel={() => abort.current?.abort()} />}
        {upload.isError &&
          (cancelled ? <Notice tone="info">Upload cancelled.</Notice> : <Notice tone="error">{errorMessage(upload.error)}</Notice>)}
      </section>

      {report && progress === null && (
        <section className="card stack stack--tight" aria-labelledby="roster-report-title">
          <h2 id="roster-report-title">{report.applied ? 'Import finished' : 'Check result'}</h2>
          {report.applied && <Notice tone="success">The roster has been imported.</Notice>}
          <RosterReportView report={report} />
          {!report.applied && file && valid > 0 && (
            <div className="toolbar">
              {report.invalid === 0 ? (
                <Button variant="primary" onPress={() => send(file, true)}>
                  Import {number.format(valid)} rows
                </Button>
              ) : (
                <Button variant="primary" onPress={() => send(file, true, true)}>
                  Import {number.format(valid)} valid rows, skip {number.format(report.invalid)}
                </Button>
              )}
            </div>
          )}
          {!report.applied && report.invalid > 0 && <p className="muted">Or correct the file and choose it again.</p>}
        </section>
      )}
    </div>
  );
}
