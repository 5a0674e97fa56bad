import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface ModalDialogProps {
  title: string;
  /** Receives `close` so a form can close the dialog after saving. */
  children: (close: () => void) => ReactNode;
  /** Controlled use; leave out inside a DialogTrigger. */
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
  /** `alertdialog` for confirmations that interrupt. */
  role?: 'dialog' | 'alertdialog';
  /** Confirmations must be answered with a button, so they are not dismissed by clicking outside. */
  isDismissable?: boolean;
}

/** React Aria modal: traps focus, closes on Escape, returns focus to the button that opened it. */
export function ModalDialog({ title, children, isOpen, onOpenChange, role = 'dialog', isDismissable = true }: ModalDialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={isDismissable}>
      <Modal className="modal">
        <Dialog className="dialog" role={role}>
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog__title">
                {title}
              </Heading>
              {children(close)}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
