import { useState } from 'react';
import { CheckboxGroup, Label, Text } from 'react-aria-components';
import { ROLES, ROLE_LABELS, canGrantRole, type Role } from '../../../../shared/permissions.ts';
import type { Person } from '../../../../shared/schemas/person.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { useSetPersonRoles } from '../api/person-mutations.ts';

export interface PersonRolesFormProps {
  person: Person;
  /** The signed-in person's roles decide which boxes can change. */
  granterRoles: readonly Role[];
}

/** Roles as checkboxes; those the caller may not grant or remove are shown but disabled. */
export function PersonRolesForm({ person, granterRoles }: PersonRolesFormProps) {
  const setRoles = useSetPersonRoles();
  const [roles, setSelected] = useState<string[]>(person.roles);
  const changed = [...roles].sort().join() !== [...person.roles].sort().join();
  const anyGrantable = ROLES.some((role) => canGrantRole(granterRoles, role));
  return (
    <section className="card" aria-labelledby="person-roles-title">
      <h2 id="person-roles-title">Roles</h2>
      <CheckboxGroup
        className="checkbox-group"
        value={roles}
        onChange={(next) => {
          setRoles.reset();
          setSelected(next);
        }}
      >
        <Label className="visually-hidden">Roles of {person.firstName} {person.lastName}</Label>
        {ROLES.map((role) => {
          const grantable = canGrantRole(granterRoles, role);
          return (
            <Checkbox key={role} value={role} isDisabled={!grantable}>
              {ROLE_LABELS[role]}
              {!grantable && <span className="checkbox__note"> (you cannot change this role)</span>}
            </Checkbox>
          );
        })}
        <Text slot="description" className="field__description">
          Every person can ask for support; roles add what they can do in Peerline.
        </Text>
      </CheckboxGroup>
      {setRoles.isError && <Notice tone="error">{errorMessage(setRoles.error)}</Notice>}
      {setRoles.isSuccess && !changed && <Notice tone="success">Roles saved.</Notice>}
      {anyGrantable && (
        <Button
          variant="primary"
          isDisabled={!changed}
          isPending={setRoles.isPending}
          onPress={() => setRoles.mutate({ id: person.id, roles: ROLES.filter((role) => roles.includes(role)) })}
        >
          Save roles
        </Button>
      )}
    </section>
  );
}
