import { ROSTER_COLUMNS } from '../../../../shared/schemas/roster.ts';

/** Example values for each column, in the order of ROSTER_COLUMNS. */
const EXAMPLE: Record<(typeof ROSTER_COLUMNS)[number], string> = {
  first_name: 'Alex',
  last_name: 'Example',
  work_email: 'alex.example@hospital.example',
  profession: 'Physician',
  department: 'Emergency Medicine',
  specialty: 'Emergency medicine',
  languages: 'en;es',
  manager_email: '',
  active: 'true',
};

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function rosterTemplateCsv(): string {
  const header = ROSTER_COLUMNS.join(',');
  const example = ROSTER_COLUMNS.map((column) => csvCell(EXAMPLE[column])).join(',');
  return `${header}\r\n${example}\r\n`;
}

/** Builds the file in the browser and saves it; nothing is fetched. */
export function downloadRosterTemplate(): void {
  const url = URL.createObjectURL(new Blob([rosterTemplateCsv()], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'peerline-roster-template.csv';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
