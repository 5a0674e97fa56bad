import { Label, ProgressBar } from 'react-aria-components';
import { Button } from '../../../components/ui/button.tsx';

export interface UploadProgressProps {
  fileName: string;
  /** 0..1 while sending; 1 once the server is checking the rows. */
  fraction: number;
  onCancel: () => void;
}

/** A real progress bar while the file uploads, then an indeterminate one while the server reads it. */
export function UploadProgress({ fileName, fraction, onCancel }: UploadProgressProps) {
  const sent = fraction >= 1;
  return (
    <div className="upload-progress">
      <ProgressBar
        className="progress"
        value={sent ? undefined : Math.round(fraction * 100)}
        isIndeterminate={sent}
        valueLabel={sent ? 'Reading rows' : undefined}
      >
        {({ percentage, valueText }) => (
          <>
            <div className="progress__labels">
              <Label>{sent ? `Checking ${fileName}…` : `Uploading ${fileName}`}</Label>
              <span className="progress__value">{valueText}</span>
            </div>
            <div className="progress__track">
              <div
                className={`progress__fill${sent ? ' progress__fill--indeterminate' : ''}`}
                style={sent ? undefined : { width: `${percentage ?? 0}%` }}
              />
            </div>
          </>
        )}
      </ProgressBar>
      <Button variant="quiet" onPress={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
