import type { AppContext } from '../lib/context.ts';
import { saveFoundations } from '../modules/program-setup/program-setup.repository.ts';

/** The demo program's sponsor and legal protection, as its director recorded them at the start. */
export async function seedDemoSetup(ctx: AppContext, organizationId: string): Promise<void> {
  const director = await ctx.db
    .selectFrom('people')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('work_email', '=', 'director@demo.peerline.test')
    .executeTakeFirstOrThrow();
  const started = new Date(ctx.clock.now().getTime() - 400 * 86_400_000).toISOString().slice(0, 10);
  await saveFoundations(ctx.db, {
    organization_id: organizationId,
    sponsor_name: 'Dr. Ruth Okafor',
    sponsor_role: 'Chief Medical Officer',
    sponsor_agreed_on: started,
    protection_basis: 'State peer review statute; conversations are not part of quality review or credentialing files',
    protection_confirmed_by: 'General Counsel, A. Moreno',
    protection_confirmed_on: started,
    updated_by: director.id,
    updated_at: ctx.clock.now().toISOString(),
  });
}
