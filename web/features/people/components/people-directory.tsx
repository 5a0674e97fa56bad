import './people.css';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ROLES } from '../../../../shared/permissions.ts';
import type { OrganizationStructure } from '../../../../shared/schemas/organization.ts';
import { Pager } from '../../../components/ui/pager.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts';
import { usePeople, type PeopleQuery } from '../api/get-people.ts';
import { CreatePersonDialog } from './create-person-dialog.tsx';
import { PeopleFilters, type PeopleFilterValues } from './people-filters.tsx';
import { PeopleTable } from './people-table.tsx';

const PAGE_SIZE = 25;
const STATUSES = ['true', 'false', 'all'] as const;

/** Search, filters and page live in the URL, so Back and shared links restore the same list. */
export function PeopleDirectory({ structure, canManage }: { structure: OrganizationStructure; canManage: boolean }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const debouncedSearch = useDebouncedValue(search.trim(), 300);
  const status = params.get('active');
  const filters: PeopleFilterValues = {
    departmentId: params.get('departmentId'),
    professionId: params.get('professionId'),
    role: params.get('role'),
    active: STATUSES.find((s) => s === status) ?? 'true',
  };
  const offset = Math.max(0, Number(params.get('offset')) || 0);

  const update = (patch: Record<string, string | null>, replace = false) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace },
    );

  // Typing updates the URL (replacing, not adding history) once the user pauses. Only the
  // debounced text triggers this; `q` and `update` are read fresh on each run.
  useEffect(() => {
    if (debouncedSearch !== q) update({ q: debouncedSearch, offset: null }, true);
  }, [debouncedSearch]);

  const query: PeopleQuery = {
    q: q || undefined,
    departmentId: filters.departmentId ?? undefined,
    professionId: filters.professionId ?? undefined,
    role: ROLES.find((role) => role === filters.role),
    active: filters.active,
    limit: PAGE_SIZE,
    offset,
  };
  const people = usePeople(query);

  return (
    <div className="stack">
      {canManage && (
        <div className="toolbar">
          <CreatePersonDialog structure={structure} onCreated={(person) => navigate(`/app/people/${person.id}`)} />
        </div>
      )}
      <PeopleFilters
        search={search}
        onSearchChange={setSearch}
        filters={filters}
        onFiltersChange={(patch) => update({ ...patch, offset: null })}
        structure={structure}
      />
      {people.isPending ? (
        <Loading label="Loading people…" />
      ) : people.isError ? (
        <LoadError error={people.error} what="people" />
      ) : (
        <>
          <PeopleTable people={people.data.people} structure={structure} isLoading={people.isPlaceholderData} />
          <Pager
            offset={offset}
            limit={PAGE_SIZE}
            total={people.data.total}
            noun="people"
            onOffsetChange={(next) => update({ offset: next ? String(next) : null })}
          />
        </>
      )}
    </div>
  );
}
