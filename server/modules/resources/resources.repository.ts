import type { Resource, ResourceCategory } from '../../../shared/schemas/resources.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { ResourcesTable } from '../../db/schema-support.ts';
import { toBool } from '../../db/values.ts';

export function toResource(row: ResourcesTable): Resource {
  return {
    id: row.id,
    category: row.category as ResourceCategory,
    name: row.name,
    phone: row.phone,
    url: row.url,
    hours: row.hours,
    description: row.description,
    active: toBool(row.active),
    sortOrder: row.sort_order,
  };
}

export async function listResources(db: DbOrTrx, organizationId: string): Promise<Resource[]> {
  const rows = await db
    .selectFrom('resources')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('category')
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return rows.map(toResource);
}

export async function findResource(db: DbOrTrx, organizationId: string, id: string) {
  return db.selectFrom('resources').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function insertResource(db: DbOrTrx, row: ResourcesTable): Promise<void> {
  await db.insertInto('resources').values(row).execute();
}

export async function updateResource(db: DbOrTrx, organizationId: string, id: string, set: Partial<ResourcesTable>): Promise<void> {
  await db.updateTable('resources').set(set).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}
