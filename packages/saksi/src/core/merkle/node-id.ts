/**
 * A node of the Merkle tree: the complete subtree of 2^level leaves that starts at leaf
 * `index * 2^level`. Level 0 nodes are the leaf hashes. Only complete subtrees have ids; the
 * hashes on the tree's right border that cover a partial range are never stored (they change as
 * the log grows) and are rebuilt from complete ones.
 */
export interface NodeId {
  /** Height above the leaves, 0..52. */
  readonly level: number
  /** Position among the nodes of this level, from 0. */
  readonly index: number
}

/**
 * The leaves a node covers.
 * @param id the node
 * @returns the half-open leaf range [begin, end)
 */
export function nodeCoverage(id: NodeId): { begin: number; end: number } {
  const width = 2 ** id.level
  return { begin: id.index * width, end: (id.index + 1) * width }
}

/**
 * A stable text key for a node id (e.g. `3/17`), handy as a map key or a database column.
 * @param id the node
 * @returns `<level>/<index>`
 */
export function nodeKey(id: NodeId): string {
  return `${id.level}/${id.index}`
}
