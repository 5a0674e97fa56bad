import type { ReactNode } from 'react';
import { Brand } from '../components/layout/brand.tsx';
import { CrisisBar } from '../components/layout/crisis-line.tsx';
import { SiteFooter } from '../components/layout/site-footer.tsx';
import { SkipLink } from '../components/layout/skip-link.tsx';
import { PageTitle } from '../components/ui/page-title.tsx';

/** The narrow card the sign-in and set-password pages share: crisis line on top, no navigation. */
export function SignInFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page">
      <SkipLink />
      <CrisisBar />
      <main id="main" tabIndex={-1} className="login-main">
        <div className="login-card">
          <Brand />
          <PageTitle title={title} />
          {children}
        </div>
      </main>
      <SiteFooter />
    </div>
  );
}
