import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Brand } from '../components/layout/brand.tsx';
import { CrisisBar } from '../components/layout/crisis-line.tsx';
import { SiteFooter } from '../components/layout/site-footer.tsx';
import { SkipLink } from '../components/layout/skip-link.tsx';

/** The frame of the pages open to anyone: crisis bar, brand, "Sign in", the page, the footer. */
export function PublicFrame({ programName, children }: { programName: string | undefined; children: ReactNode }) {
  return (
    <div className="page">
      <SkipLink />
      <CrisisBar />
      <header className="public-header">
        <div className="public-header__inner">
          <Brand subtitle={programName} />
          <Link to="/login" className="button button--secondary">
            Sign in
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
