import { SaksiError, StorageError, ValidationError } from '../../core/index.js'

/** Codes of the followers and their cursors, with what each means. */
export const FOLLOWER_ERROR_CODES = {
  FOLLOWER_CURSOR_INVALID: 'a follower cursor file does not hold a log index',
  FOLLOWER_NAME_INVALID: 'a follower name is lower-case letters, digits and dashes, starting with a letter',
  FOLLOWER_DUPLICATE: 'a follower of that name is already in the set',
  FOLLOWERS_STOPPED: 'the followers are shutting down',
} as const

/** A follower error code. */
export type FollowerErrorCode = keyof typeof FOLLOWER_ERROR_CODES

/**
 * Builds the error for a follower code with its kind (storage for a bad cursor file, validation
 * for a bad name, conflict for a duplicate or a set that is shutting down).
 * @param code the stable code
 * @param message detail (defaults to the code's description)
 * @param details structured context (file, name)
 * @returns the error, for the caller to throw
 */
export function followerError(code: FollowerErrorCode, message?: string, details?: Record<string, unknown>): SaksiError {
  const text = message ?? FOLLOWER_ERROR_CODES[code]
  switch (code) {
    case 'FOLLOWER_CURSOR_INVALID':
      return new StorageError(code, text, details)
    case 'FOLLOWER_NAME_INVALID':
      return new ValidationError(code, text, details)
    default:
      return new SaksiError(code, text, details, 'conflict')
  }
}

const NAME = /^[a-z][a-z0-9-]{0,62}$/

/**
 * Checks a follower name (it becomes a file name and a metrics label).
 * @throws ValidationError `FOLLOWER_NAME_INVALID`
 */
export function assertFollowerName(name: string): void {
  if (!NAME.test(name)) throw followerError('FOLLOWER_NAME_INVALID', `follower name ${JSON.stringify(name)}: ${FOLLOWER_ERROR_CODES.FOLLOWER_NAME_INVALID}`, { name })
}
