import './sso.css';
import { isSsoRefusalCode, SSO_REFUSALS } from '../../../../shared/schemas/sso.ts';
import { Notice } from '../../../components/ui/notice.tsx';

/**
 * "Sign in with …": a plain link, so the browser goes to the provider by a top-level navigation
 * (the server answers with a redirect). `next` is where in the app to land afterwards.
 */
export function SsoButton({ label, startUrl, next }: { label: string; startUrl: string; next?: string | undefined }) {
  const href = next && next !== '/app' ? `${startUrl}?next=${encodeURIComponent(next)}` : startUrl;
  return (
    <a className="button button--primary sso-button" href={href}>
      {label}
    </a>
  );
}

/** Why the last single sign-on did not go ahead, in words; unknown codes are ignored. */
export function SsoRefusalNotice({ code }: { code: string | null }) {
  if (!isSsoRefusalCode(code)) return null;
  return (
    <Notice tone="error" title="Single sign-on did not sign you in">
      {SSO_REFUSALS[code]}
    </Notice>
  );
}
