/**
 * Followers of the committed log (after tessera's `Follower`): the interface, durable cursors, and
 * the set that starts them, reports their positions and stops them at shutdown.
 */
export type { Follower } from './follower.js'
export { memoryCursor, type FollowerCursor } from './follower-cursor.js'
export { fileCursor, followerCursorFile } from './file-cursor.js'
export { CursorSaver } from './cursor-saver.js'
export { FollowerSet, type FollowerSetOptions, type FollowerShutdown } from './follower-set.js'
export { FOLLOWER_LAG_METRIC, FOLLOWER_NEXT_INDEX_METRIC, type FollowerPosition } from './follower-metrics.js'
export { describeFollowerShutdown } from './describe-follower-shutdown.js'
export { FOLLOWER_ERROR_CODES, followerError, type FollowerErrorCode } from './follower-errors.js'
