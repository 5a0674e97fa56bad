import type { Kysely } from 'kysely';

// Frozen in time: never import app code here.
// The program's foundations (docs/setup.md): who sponsors it in leadership and what protects what
// supporters hear (a peer-review statute, say), each with who confirmed it and when.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('program_foundations')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('sponsor_name', 'text')
    .addColumn('sponsor_role', 'text')
    .addColumn('sponsor_agreed_on', 'text')
    .addColumn('protection_basis', 'text')
    .addColumn('protection_confirmed_by', 'text')
    .addColumn('protection_confirmed_on', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('people.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('program_foundations').execute();
}
