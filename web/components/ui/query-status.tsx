import { ProgressBar } from 'react-aria-components';
import { isApiError } from '../../lib/api-client.ts';
import { Notice } from './notice.tsx';

/** Shown while data loads: an indeterminate React Aria progress bar with a text label. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <ProgressBar isIndeterminate aria-label={label} className="loading">
      <span className="loading__spinner" aria-hidden="true" />
      <span className="loading__label">{label}</span>
    </ProgressBar>
  );
}

export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Something went wrong. Please try again.';
}

/** Shown when a query failed; the message comes from the server when there is one. */
export function LoadError({ error, what }: { error: unknown; what: string }) {
  return (
    <Notice tone="error" title={`Could not load ${what}`}>
      {errorMessage(error)}
    </Notice>
  );
}
