import { codedError, FOLLOWER_ERROR_CODES, type FollowerErrorCode, type SaksiError } from 'saksi'

export { FOLLOWER_ERROR_CODES, type FollowerErrorCode }

/**
 * Builds the error for a follower code, of the kind its table gives (storage for a bad cursor
 * file, validation for a bad name, conflict for a duplicate or a set that is shutting down).
 * @param code the stable code
 * @param message detail (defaults to the code's English message)
 * @param details structured context (file, name)
 * @returns the error, for the caller to throw
 */
export function followerError(code: FollowerErrorCode, message?: string, details?: Record<string, unknown>): SaksiError {
  return codedError(FOLLOWER_ERROR_CODES, code, message, details)
}

const NAME = /^[a-z][a-z0-9-]{0,62}$/

/**
 * Checks a follower name (it becomes a file name and a metrics label).
 * @throws ValidationError `FOLLOWER_NAME_INVALID`
 */
export function assertFollowerName(name: string): void {
  if (!NAME.test(name)) throw followerError('FOLLOWER_NAME_INVALID', `follower name ${JSON.stringify(name)}: ${FOLLOWER_ERROR_CODES.FOLLOWER_NAME_INVALID.en}`, { name })
}
