import { Input, Label, SearchField, Button as AriaButton } from 'react-aria-components';
import { ROLES, ROLE_LABELS } from '../../../../shared/permissions.ts';
import type { OrganizationStructure } from '../../../../shared/schemas/organization.ts';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { flattenDepartmentTree } from '../../../lib/department-tree.ts';

export interface PeopleFilterValues {
  departmentId: string | null;
  professionId: string | null;
  role: string | null;
  active: 'true' | 'false' | 'all';
}

export interface PeopleFiltersProps {
  search: string;
  onSearchChange: (value: string) => void;
  filters: PeopleFilterValues;
  onFiltersChange: (patch: Partial<PeopleFilterValues>) => void;
  structure: OrganizationStructure;
}

const ANY = '__any__';
const orAny = (id: string | null) => id ?? ANY;
const fromAny = (id: string | null) => (id === ANY ? null : id);

/** Search by name or e-mail, and narrow by department, profession, role and status. */
export function PeopleFilters({ search, onSearchChange, filters, onFiltersChange, structure }: PeopleFiltersProps) {
  const departments = [
    { id: ANY, label: 'Any department' },
    ...flattenDepartmentTree(structure.departments).map(({ department, depth }) => ({ id: department.id, label: department.name, depth })),
  ];
  const professions = [
    { id: ANY, label: 'Any profession' },
    ...[...structure.professions].sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ id: p.id, label: p.name })),
  ];
  const roles = [{ id: ANY, label: 'Any role' }, ...ROLES.map((role) => ({ id: role, label: ROLE_LABELS[role] }))];
  const statuses = [
    { id: 'true', label: 'Active' },
    { id: 'false', label: 'Deactivated' },
    { id: 'all', label: 'Everyone' },
  ];
  return (
    <div className="filters" role="search" aria-label="Find people">
      <SearchField className="field filters__search" value={search} onChange={onSearchChange}>
        <Label className="field__label">Search by name or e-mail</Label>
        <div className="search__group">
          <Input className="field__input" />
          {search && (
            <AriaButton className="search__clear" aria-label="Clear search">
              ×
            </AriaButton>
          )}
        </div>
      </SearchField>
      <SelectField
        label="Department"
        options={departments}
        value={orAny(filters.departmentId)}
        onChange={(id) => onFiltersChange({ departmentId: fromAny(id) })}
      />
      <SelectField
        label="Profession"
        options={professions}
        value={orAny(filters.professionId)}
        onChange={(id) => onFiltersChange({ professionId: fromAny(id) })}
      />
      <SelectField label="Role" options={roles} value={orAny(filters.role)} onChange={(id) => onFiltersChange({ role: fromAny(id) })} />
      <SelectField
        label="Status"
        options={statuses}
        value={filters.active}
        onChange={(id) => onFiltersChange({ active: (id ?? 'true') as PeopleFilterValues['active'] })}
      />
    </div>
  );
}
