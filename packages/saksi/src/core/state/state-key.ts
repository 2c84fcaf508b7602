import { ValidationError } from '../errors.js'

/** Longest state key, in characters (= bytes, keys being ASCII). */
export const STATE_KEY_MAX_LENGTH = 512

// Printable ASCII without space: string order equals byte order in every storage driver, and keys
// need no escaping in SQL, URLs or logs.
const STATE_KEY = /^[\x21-\x7e]{1,512}$/
const KEY_BOUND = /^[\x21-\x7e]{0,512}$/

/** True when `key` is a valid state key: 1-512 characters in 0x21-0x7E. */
export function isStateKey(key: unknown): key is string {
  return typeof key === 'string' && STATE_KEY.test(key)
}

/**
 * Checks a state key: 1-512 printable ASCII characters without space (0x21-0x7E).
 * @param key the key to check
 * @throws ValidationError `STATE_KEY_INVALID`
 */
export function assertStateKey(key: unknown): asserts key is string {
  if (!isStateKey(key)) {
    const shown = typeof key === 'string' ? JSON.stringify(key.slice(0, 64)) : typeof key
    throw new ValidationError('STATE_KEY_INVALID', `state key ${shown} must be 1-512 printable ASCII characters without spaces`)
  }
}

/** True when `text` may bound a key range (a prefix, start or end): 0-512 characters in 0x21-0x7E. */
export function isKeyBound(text: unknown): text is string {
  return typeof text === 'string' && KEY_BOUND.test(text)
}
