import type { NodeId } from './node-id.js'

/** Tree levels per tile in C2SP tlog-tiles. */
export const TILE_HEIGHT = 8

/** Hashes in a full tile in C2SP tlog-tiles (2^TILE_HEIGHT). */
export const TILE_WIDTH = 256

/** Where a node's hash comes from in C2SP tlog-tiles storage. */
export interface TileCoordinates {
  /** Tile level L: the tile stores hashes of tree level 8 L. */
  readonly level: number
  /** Tile index N: the tile stores tree-level-8L hashes [256 N, 256 N + 256). */
  readonly index: number
  /** First hash of the tile under the node. */
  readonly start: number
  /** Number of tile hashes under the node (2^(node level - 8 L)); 1 means stored as is. */
  readonly count: number
}

/**
 * Maps a node id to the C2SP tlog-tiles tile holding it: a node at a level that is a multiple of
 * 8 is one hash of its tile; any other node is the subtree hash of `count` consecutive hashes of
 * its tile (a complete subtree, rebuilt with `nodeHash`), so no tile stores intermediate levels.
 * @param id the node
 * @returns the tile's level and index, and the node's hashes within it
 */
export function tileForNode(id: NodeId): TileCoordinates {
  const level = Math.floor(id.level / TILE_HEIGHT)
  const count = 2 ** (id.level - level * TILE_HEIGHT)
  const first = id.index * count
  return { level, index: Math.floor(first / TILE_WIDTH), start: first % TILE_WIDTH, count }
}
