import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RosterReportSchema, type RosterReport } from '../../../../shared/schemas/roster.ts';
import { uploadFile } from '../../../lib/api-client.ts';

export interface RosterUpload {
  file: File;
  /** false = check only (nothing is written); true = write the rows. */
  apply: boolean;
  /** When applying: write the valid rows even if others have errors. */
  skipInvalid?: boolean;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** The raw CSV goes up as the body (text/csv), through XHR so the upload can show progress. */
export function uploadRoster({ file, apply, skipInvalid = false, onProgress, signal }: RosterUpload): Promise<RosterReport> {
  const path = apply ? `/api/people/import?skipInvalid=${skipInvalid}` : '/api/people/import/preview';
  return uploadFile(path, file, { contentType: 'text/csv', schema: RosterReportSchema, onProgress, signal });
}

/** After a real import the directory has changed, so people lists are refetched. */
export function useRosterUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadRoster,
    onSuccess: (report) => {
      if (report.applied) return queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
}
