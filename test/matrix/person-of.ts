import type { BuiltPerson } from '../../server/demo/factories.ts';
import type { MatrixWorld, SignedInCaller } from '../authorization-matrix.ts';

/**
 * The person a signed-in caller of the matrix is. Its own file (types only from the matrix) so the
 * route rows can use it without an import cycle with test/authorization-matrix.ts.
 */
export function personOf(world: MatrixWorld, caller: SignedInCaller): BuiltPerson {
  return caller === 'other_org' ? world.otherDirector : world.byRole[caller];
}
