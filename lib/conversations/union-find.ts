/** Disjoint sets over record indexes: `parent[i] === i` for a set's root. */

export function find(parent: Int32Array, i: number): number {
  let at = i;
  while (parent[at] !== at) {
    const up = parent[parent[at]!]!;
    parent[at] = up;
    at = up;
  }
  return at;
}

/** Joins two sets; the lower index stays root, so a set's root is its first record. */
export function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra < rb) parent[rb] = ra;
  else if (rb < ra) parent[ra] = rb;
}
