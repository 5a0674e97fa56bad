import type { ReactNode } from 'react';
import { Checkbox as AriaCheckbox, type CheckboxProps as AriaCheckboxProps } from 'react-aria-components';

export interface CheckboxProps extends Omit<AriaCheckboxProps, 'children' | 'className'> {
  children: ReactNode;
  className?: string;
}

/** React Aria checkbox with a drawn box, so it looks the same in every browser. */
export function Checkbox({ children, className, ...props }: CheckboxProps) {
  return (
    <AriaCheckbox {...props} className={['checkbox', className].filter(Boolean).join(' ')}>
      {({ isSelected, isIndeterminate }) => (
        <>
          <span className="checkbox__box" aria-hidden="true">
            <svg viewBox="0 0 18 18" className="checkbox__mark">
              {isIndeterminate ? (
                <rect x="3" y="8" width="12" height="2" />
              ) : isSelected ? (
                <polyline points="3.5 9.5 7.5 13 14.5 5" />
              ) : null}
            </svg>
          </span>
          <span className="checkbox__label">{children}</span>
        </>
      )}
    </AriaCheckbox>
  );
}
