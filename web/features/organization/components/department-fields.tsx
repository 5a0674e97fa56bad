import type { Department, Site } from '../../../../shared/schemas/organization.ts';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { flattenDepartmentTree } from '../../../lib/department-tree.ts';

const NONE = '__none__';

export interface DepartmentPlacementProps {
  sites: readonly Site[];
  /** Departments that may be chosen as parent. */
  parents: readonly Department[];
  siteId: string | null;
  parentId: string | null;
  onSiteChange: (id: string | null) => void;
  onParentChange: (id: string | null) => void;
  errors: Record<string, string>;
}

/** Where a department sits: at which site and under which parent (both optional). */
export function DepartmentPlacementFields({
  sites,
  parents,
  siteId,
  parentId,
  onSiteChange,
  onParentChange,
  errors,
}: DepartmentPlacementProps) {
  const siteOptions = [
    { id: NONE, label: 'No particular site' },
    ...sites.filter((s) => s.active || s.id === siteId).map((s) => ({ id: s.id, label: s.name })),
  ];
  const parentOptions = [
    { id: NONE, label: 'None (top level)' },
    ...flattenDepartmentTree(parents).map(({ department, depth }) => ({ id: department.id, label: department.name, depth })),
  ];
  return (
    <>
      <SelectField
        label="Site"
        options={siteOptions}
        value={siteId ?? NONE}
        onChange={(id) => onSiteChange(id === NONE ? null : id)}
        errorMessage={errors.siteId}
      />
      <SelectField
        label="Part of"
        options={parentOptions}
        value={parentId ?? NONE}
        onChange={(id) => onParentChange(id === NONE ? null : id)}
        errorMessage={errors.parentId}
      />
    </>
  );
}
