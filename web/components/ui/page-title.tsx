import type { ReactNode } from 'react';

/**
 * The page's one <h1>, plus the document title (React 19 moves <title> into <head>).
 * tabIndex=-1 lets the app move focus here after client-side navigation.
 */
export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <>
      <title>{`${title} · Peerline`}</title>
      <h1 className="page-title" tabIndex={-1}>
        {children ?? title}
      </h1>
    </>
  );
}
