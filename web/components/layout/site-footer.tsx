import { CrisisLine } from './crisis-line.tsx';

/** Every page ends with the crisis line and the confidentiality promise. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <CrisisLine />
        <p className="site-footer__note">
          Peer support conversations are confidential. They are not part of quality review, HR or credentialing files.
        </p>
      </div>
    </footer>
  );
}
