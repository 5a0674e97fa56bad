import type { Department, Site } from '../../../../shared/schemas/organization.ts';
import { ItemRow } from './item-row.tsx';

export interface DepartmentTreeProps {
  departments: readonly Department[];
  sites: readonly Site[];
  onEdit: (department: Department) => void;
  onToggleActive: (department: Department) => void;
  togglingId: string | undefined;
}

/** Nested lists, so screen readers announce each level ("list, 3 items, level 2"). */
export function DepartmentTree({ departments, sites, onEdit, onToggleActive, togglingId }: DepartmentTreeProps) {
  const ids = new Set(departments.map((d) => d.id));
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const childrenOf = (parentId: string | null) =>
    departments
      .filter((d) => (d.parentId && ids.has(d.parentId) ? d.parentId : null) === parentId)
      .sort((a, b) => a.name.localeCompare(b.name));

  const renderLevel = (parentId: string | null, path: Set<string>) => {
    const level = childrenOf(parentId).filter((d) => !path.has(d.id));
    if (level.length === 0) return null;
    return (
      <ul className={parentId ? 'item-list item-list--nested' : 'item-list'}>
        {level.map((department) => (
          <ItemRow
            key={department.id}
            name={department.name}
            active={department.active}
            details={department.siteId ? siteName.get(department.siteId) : undefined}
            onEdit={() => onEdit(department)}
            onToggleActive={() => onToggleActive(department)}
            isToggling={togglingId === department.id}
          >
            {renderLevel(department.id, new Set([...path, department.id]))}
          </ItemRow>
        ))}
      </ul>
    );
  };

  return renderLevel(null, new Set()) ?? <p className="muted">No departments yet.</p>;
}
