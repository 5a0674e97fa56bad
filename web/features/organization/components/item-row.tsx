import './organization.css';
import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button.tsx';

export interface ItemRowProps {
  name: string;
  active: boolean;
  details?: ReactNode;
  onEdit: () => void;
  onToggleActive: () => void;
  isToggling?: boolean;
  /** Nested list (child departments). */
  children?: ReactNode;
}

/** One site, department or profession: its name, state and the two things one can do with it. */
export function ItemRow({ name, active, details, onEdit, onToggleActive, isToggling, children }: ItemRowProps) {
  return (
    <li className="item-row">
      <div className={`item-row__line${active ? '' : ' item-row__line--inactive'}`}>
        <div className="item-row__main">
          <span className="item-row__name">{name}</span>
          {!active && <span className="tag tag--muted">Inactive</span>}
          {details && <span className="item-row__details">{details}</span>}
        </div>
        <div className="item-row__actions">
          <Button variant="quiet" onPress={onEdit} aria-label={`Edit ${name}`}>
            Edit
          </Button>
          <Button
            variant="quiet"
            onPress={onToggleActive}
            isPending={isToggling}
            aria-label={`${active ? 'Deactivate' : 'Reactivate'} ${name}`}
          >
            {active ? 'Deactivate' : 'Reactivate'}
          </Button>
        </div>
      </div>
      {children}
    </li>
  );
}
