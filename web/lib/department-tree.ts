import type { Department } from '../../shared/schemas/organization.ts';

export interface DepartmentNode {
  department: Department;
  depth: number;
}

/**
 * Departments in tree order (each parent followed by its children, alphabetical at each level),
 * with their depth. A department whose parent is missing is treated as a root, and a cycle in bad
 * data cannot loop forever because each department is visited once.
 */
export function flattenDepartmentTree(departments: readonly Department[]): DepartmentNode[] {
  const ids = new Set(departments.map((d) => d.id));
  const children = new Map<string | null, Department[]>();
  for (const department of departments) {
    const parent = department.parentId && ids.has(department.parentId) ? department.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(department);
    children.set(parent, list);
  }
  const result: DepartmentNode[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const department of list) {
      if (seen.has(department.id)) continue;
      seen.add(department.id);
      result.push({ department, depth });
      visit(department.id, depth + 1);
    }
  };
  visit(null, 0);
  // Anything left sits in a cycle; show it at the top level rather than hide it.
  for (const department of departments) {
    if (!seen.has(department.id)) result.push({ department, depth: 0 });
  }
  return result;
}

/** The department and everything below it: none of these may become its parent. */
export function descendantIds(departments: readonly Department[], rootId: string): Set<string> {
  const result = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const department of departments) {
      if (department.parentId && result.has(department.parentId) && !result.has(department.id)) {
        result.add(department.id);
        grew = true;
      }
    }
  }
  return result;
}
