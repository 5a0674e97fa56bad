import './resources.css';
import { useState } from 'react';
import { RESOURCE_CATEGORIES, RESOURCE_CATEGORY_LABELS, type Resource } from '../../../../shared/schemas/resources.ts';
import { Notice } from '../../../components/ui/notice.tsx';
import { LoadError, Loading, errorMessage } from '../../../components/ui/query-status.tsx';
import { useResources, useUpdateResource } from '../api/resources.ts';
import { ResourceCard } from './resource-card.tsx';
import { AddResourceDialog, EditResourceDialog } from './resource-dialogs.tsx';

/** Active first, then the program's order, then by name. */
const byOrder = (a: Resource, b: Resource) =>
  Number(b.active) - Number(a.active) || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name);

/**
 * The referral directory, grouped by category in a fixed order. Everyone sees the active
 * resources; people who manage it also see inactive ones and can add, edit and (de)activate.
 */
export function ResourceDirectory({ canManage }: { canManage: boolean }) {
  const resources = useResources();
  const update = useUpdateResource();
  const [editing, setEditing] = useState<Resource | null>(null);

  if (resources.isPending) return <Loading label="Loading resources…" />;
  if (resources.isError) return <LoadError error={resources.error} what="resources" />;

  const shown = resources.data.filter((r) => canManage || r.active);
  const groups = RESOURCE_CATEGORIES.map((category) => ({
    category,
    items: shown.filter((r) => r.category === category).sort(byOrder),
  })).filter((group) => group.items.length > 0);

  return (
    <div className="stack">
      {canManage && (
        <div className="toolbar">
          <AddResourceDialog />
          <p className="muted resource-directory__note">Inactive resources are listed only for people who manage this directory.</p>
        </div>
      )}
      {update.isError && <Notice tone="error">{errorMessage(update.error)}</Notice>}
      {groups.length === 0 ? (
        <p className="muted">
          {canManage
            ? 'No resources yet. Add the services your program refers people to.'
            : 'Your program has not listed any resources yet.'}
        </p>
      ) : (
        <div className="resource-groups">
          {groups.map(({ category, items }) => {
            const titleId = `resource-group-${category}`;
            return (
              <section key={category} className="resource-group" aria-labelledby={titleId}>
                <h2 id={titleId} className="resource-group__title">
                  {RESOURCE_CATEGORY_LABELS[category]}
                </h2>
                <ul className="resource-list">
                  {items.map((resource) => (
                    <ResourceCard
                      key={resource.id}
                      resource={resource}
                      manage={
                        canManage
                          ? {
                              onEdit: () => setEditing(resource),
                              onToggleActive: () => update.mutate({ id: resource.id, patch: { active: !resource.active } }),
                              isToggling: update.isPending && update.variables?.id === resource.id,
                            }
                          : undefined
                      }
                    />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
      {editing && <EditResourceDialog key={editing.id} resource={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
