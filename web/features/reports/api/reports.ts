import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BoardReportSchema, ProgramReportSchema, ReportExportSchema, ReportSettingsSchema } from '../../../../shared/schemas/reports.ts';
import { api } from '../../../lib/api-client.ts';

const reportKey = ['reports'] as const;

export function useProgramReport() {
  return useQuery({ queryKey: reportKey, queryFn: () => api.get('/api/reports', ProgramReportSchema) });
}

export function useSaveReportSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (minCount: number) => api.put('/api/settings/reports', { minCount }, ReportSettingsSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKey }),
  });
}

/** Asks for the CSV (the step-up dialog opens first when the last password check is old) and saves it. */
export function useExportReport() {
  return useMutation({
    mutationFn: () => api.post('/api/reports/export', undefined, ReportExportSchema),
    onSuccess: ({ filename, csv }) => save(new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename),
  });
}

/** The board report as a PDF, asked for and saved like the CSV. */
export function useBoardReport() {
  return useMutation({
    mutationFn: () => api.post('/api/reports/board-report', undefined, BoardReportSchema),
    onSuccess: ({ filename, pdf }) =>
      save(new Blob([Uint8Array.from(atob(pdf), (c) => c.charCodeAt(0))], { type: 'application/pdf' }), filename),
  });
}

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
