import type { ReactNode } from 'react';

export interface NoticeProps {
  tone: 'error' | 'success' | 'info';
  children: ReactNode;
  title?: string;
}

/** A message box. Errors use role=alert so screen readers announce them at once. */
export function Notice({ tone, children, title }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p className="notice__title">{title}</p>}
      <div>{children}</div>
    </div>
  );
}
