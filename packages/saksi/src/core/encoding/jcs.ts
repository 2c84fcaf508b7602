import canonicalize from 'canonicalize'
import { ValidationError } from '../errors.js'
import { utf8 } from './bytes.js'
import type { JsonValue } from './json.js'

/**
 * RFC 8785 JSON Canonicalization Scheme: the one text form of a JSON value that Saksi hashes and
 * signs (PROTOCOL section 1). The value must already be a checked JSON value (see
 * `assertJsonValue` / `parseJson`); JCS itself does not police `undefined` inside objects.
 * @throws ValidationError `JSON_VALUE_INVALID` if the value cannot be canonicalised
 */
export function canonicalJson(value: JsonValue): string {
  let text: string | undefined
  try {
    text = canonicalize(value)
  } catch (e) {
    throw new ValidationError('JSON_VALUE_INVALID', `value cannot be canonicalised: ${(e as Error).message}`)
  }
  if (text === undefined) throw new ValidationError('JSON_VALUE_INVALID', 'value cannot be canonicalised')
  return text
}

/** UTF-8 bytes of the JCS form of `value`. */
export function canonicalBytes(value: JsonValue): Uint8Array {
  return utf8(canonicalJson(value))
}
