import { useState } from 'react';
import { CheckboxGroup, Label, Text } from 'react-aria-components';
import { ROLES, ROLE_LABELS, SUPPORT_DATA_ROLES, type Role } from '../../../../shared/permissions.ts';
import type { PersonDetail } from '../../../../shared/schemas/person.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { errorMessage } from '../../../components/ui/query-status.tsx';
import { useSetPersonRoles } from '../api/person-mutations.ts';

export interface PersonRolesFormProps {
  person: PersonDetail;
  isSelf: boolean;
}

/**
 * Roles as checkboxes; those the caller may not grant or remove (the server's rule, sent with the
 * person) are shown but disabled, with the reason.
 */
export function PersonRolesForm({ person, isSelf }: PersonRolesFormProps) {
  const setRoles = useSetPersonRoles();
  const [roles, setSelected] = useState<string[]>(person.roles);
  const changed = [...roles].sort().join() !== [...person.roles].sort().join();
  const changeable = new Set<Role>(person.yourAccess.roles);
  const touchesSupportData = SUPPORT_DATA_ROLES.some((role) => roles.includes(role) !== person.roles.includes(role));
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
        <Label className="visually-hidden">
          Roles of {person.firstName} {person.lastName}
        </Label>
        {ROLES.map((role) => {
          const grantable = changeable.has(role);
          return (
            <Checkbox key={role} value={role} isDisabled={!grantable}>
              {ROLE_LABELS[role]}
              {!grantable && !isSelf && <span className="checkbox__note"> (you cannot change this role)</span>}
            </Checkbox>
          );
        })}
        <Text slot="description" className="field__description">
          Every person can ask for support; roles add what they can do in Peerline.
        </Text>
      </CheckboxGroup>
      {isSelf && <Notice tone="info">Nobody changes their own roles: ask a colleague who can grant them.</Notice>}
      {touchesSupportData && changed && (
        <Notice tone="info">
          Roles that see support data are recorded in the audit log, and every program director is told by e-mail.
        </Notice>
      )}
      {setRoles.isError && <Notice tone="error">{errorMessage(setRoles.error)}</Notice>}
      {setRoles.isSuccess && !changed && <Notice tone="success">Roles saved.</Notice>}
      {changeable.size > 0 && (
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
