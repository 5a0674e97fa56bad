import type { Resource } from '../../../../shared/schemas/resources.ts';
import { Button } from '../../../components/ui/button.tsx';
import { telHref } from '../../../lib/support-hours.ts';

/** "eap.example.org" for an https link; a path inside Peerline is shown as it is. */
function linkText(url: string): string {
  if (url.startsWith('/')) return url;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export interface ResourceCardProps {
  resource: Resource;
  /** Set for people who manage the directory. */
  manage?: {
    onEdit: () => void;
    onToggleActive: () => void;
    isToggling: boolean;
  };
}

/** One service: what it is, a tap-to-call number, a link that opens in a new tab, and its hours. */
export function ResourceCard({ resource, manage }: ResourceCardProps) {
  const { name, phone, url, hours, description, active } = resource;
  const external = url !== null && !url.startsWith('/');
  return (
    <li className={`resource${active ? '' : ' resource--inactive'}`}>
      <div className="resource__head">
        <h3 className="resource__name">{name}</h3>
        {!active && <span className="tag tag--muted">Inactive</span>}
      </div>
      {description && <p className="resource__description">{description}</p>}
      {(phone || url) && (
        <div className="resource__contacts">
          {phone && (
            <a className="resource__phone" href={telHref(phone)} aria-label={`Call ${name}: ${phone}`}>
              {phone}
            </a>
          )}
          {url &&
            (external ? (
              <a className="resource__link" href={url} target="_blank" rel="noreferrer">
                {linkText(url)}
                <span className="visually-hidden"> ({name} website, opens in a new tab)</span>
                <span aria-hidden="true"> ↗</span>
              </a>
            ) : (
              <a className="resource__link" href={url}>
                {linkText(url)}
              </a>
            ))}
        </div>
      )}
      {hours && (
        <p className="resource__hours">
          <span className="resource__hours-label">Hours:</span> {hours}
        </p>
      )}
      {manage && (
        <div className="resource__actions">
          <Button variant="quiet" onPress={manage.onEdit} aria-label={`Edit ${name}`}>
            Edit
          </Button>
          <Button
            variant="quiet"
            onPress={manage.onToggleActive}
            isPending={manage.isToggling}
            aria-label={`${active ? 'Deactivate' : 'Reactivate'} ${name}`}
          >
            {active ? 'Deactivate' : 'Reactivate'}
          </Button>
        </div>
      )}
    </li>
  );
}
