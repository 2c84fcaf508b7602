/** A compiled set of argument field paths (see {@link compileFieldPaths}). */
export interface FieldPathNode {
  /** The path ends here: this field (and everything under it) is named. */
  readonly named: boolean
  /** Children by field name; `*` matches any array element or object key. */
  readonly children: ReadonlyMap<string, FieldPathNode>
}

interface MutableNode {
  named: boolean
  children: Map<string, MutableNode>
}

/** Field paths are names joined by dots; a name is a field name or `*` (any element or key). */
export const FIELD_PATH_PATTERN = /^(?:[A-Za-z_$][A-Za-z0-9_$-]*|\*)(?:\.(?:[A-Za-z_$][A-Za-z0-9_$-]*|\*))*$/

/**
 * Compiles field paths of a method's arguments, e.g. `reference`, `items.*.unitPrice`, into a
 * tree walked alongside the arguments, so that looking a field up costs one map read per level.
 * @param paths the paths, each matching {@link FIELD_PATH_PATTERN}
 * @returns the tree's root, or undefined for no paths
 */
export function compileFieldPaths(paths: readonly string[] | undefined): FieldPathNode | undefined {
  if (!paths || paths.length === 0) return undefined
  const root: MutableNode = { named: false, children: new Map() }
  for (const path of paths) {
    let node = root
    for (const name of path.split('.')) {
      let next = node.children.get(name)
      if (!next) {
        next = { named: false, children: new Map() }
        node.children.set(name, next)
      }
      node = next
    }
    node.named = true
  }
  return root
}

/**
 * The node of a child field.
 * @param node the parent's node, or undefined outside every path
 * @param name the child's field name (an array element's is `*`)
 */
export function childPath(node: FieldPathNode | undefined, name: string): FieldPathNode | undefined {
  if (!node) return undefined
  return node.children.get(name) ?? node.children.get('*')
}
