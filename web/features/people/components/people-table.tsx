import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { ROLE_LABELS } from '../../../../shared/permissions.ts';
import type { OrganizationStructure } from '../../../../shared/schemas/organization.ts';
import type { Person } from '../../../../shared/schemas/person.ts';

export interface PeopleTableProps {
  people: readonly Person[];
  structure: OrganizationStructure;
  isLoading?: boolean;
}

/** The directory as a React Aria table; each row opens the person (Enter or click). */
export function PeopleTable({ people, structure, isLoading }: PeopleTableProps) {
  const professionName = new Map(structure.professions.map((p) => [p.id, p.name]));
  const departmentName = new Map(structure.departments.map((d) => [d.id, d.name]));
  return (
    <div className="table-scroll" aria-busy={isLoading || undefined}>
      <Table aria-label="People" className="table table--rows-link people-table">
        <TableHeader>
          <Column isRowHeader>Name</Column>
          <Column>Profession</Column>
          <Column>Department</Column>
          <Column>Roles</Column>
          <Column>Status</Column>
        </TableHeader>
        <TableBody items={people} renderEmptyState={() => <p className="table__empty">No one matches these filters.</p>}>
          {(person) => (
            <Row id={person.id} href={`/app/people/${person.id}`} textValue={`${person.firstName} ${person.lastName}`}>
              <Cell>
                <span className="table__primary">
                  {person.firstName} {person.lastName}
                </span>
                <span className="table__secondary">{person.workEmail}</span>
              </Cell>
              <Cell>{(person.professionId && professionName.get(person.professionId)) || '—'}</Cell>
              <Cell>{(person.departmentId && departmentName.get(person.departmentId)) || '—'}</Cell>
              <Cell>{person.roles.map((role) => ROLE_LABELS[role]).join(', ') || '—'}</Cell>
              <Cell>{person.active ? 'Active' : <span className="tag tag--muted">Deactivated</span>}</Cell>
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
