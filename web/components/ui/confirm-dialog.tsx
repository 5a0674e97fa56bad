import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import { ModalDialog } from './modal-dialog.tsx';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onConfirm: () => void;
  isPending?: boolean;
  tone?: 'danger' | 'primary';
  /** The button that closes without acting; say what it keeps when "Cancel" would be ambiguous. */
  dismissLabel?: string;
}

/** "Are you sure?" before actions that change what someone can do. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  isOpen,
  onOpenChange,
  onConfirm,
  isPending,
  tone = 'danger',
  dismissLabel = 'Cancel',
}: ConfirmDialogProps) {
  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} role="alertdialog" isDismissable={false}>
      {(close) => (
        <>
          <div className="dialog__body">{children}</div>
          <div className="dialog__actions">
            <Button onPress={close}>{dismissLabel}</Button>
            <Button variant={tone} onPress={onConfirm} isPending={isPending} autoFocus>
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
