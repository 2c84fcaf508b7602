import type { JsonValue } from '../encoding/json.js'
import { assertJsonValue } from '../encoding/json-value.js'

/**
 * Deep-freezes a JSON value in place and returns it. Frozen values can be shared between the
 * store, overlays and contracts without one of them changing what another sees. An already frozen
 * object is taken to be deeply frozen (every value this module hands out is).
 * @param value a checked JSON value
 * @returns the same value, frozen
 */
export function freezeJson<T extends JsonValue>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  Object.freeze(value)
  for (const child of Array.isArray(value) ? value : Object.values(value)) freezeJson(child)
  return value
}

function copy(value: JsonValue): JsonValue {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return Object.freeze(value.map(copy)) as JsonValue[]
  const out: { [key: string]: JsonValue } = {}
  for (const key of Object.keys(value)) {
    // defineProperty keeps "__proto__" an own data property instead of setting the prototype.
    Object.defineProperty(out, key, { value: copy(value[key]!), enumerable: true, writable: true, configurable: true })
  }
  return Object.freeze(out)
}

/**
 * Checks that `value` is a JSON value that survives a JSON round trip exactly, and returns a
 * deeply frozen copy of it, so that later changes to the original cannot reach state or events.
 * @param value the value to check
 * @param path where the value sits, for the error message (e.g. `value`, `event.data`)
 * @returns a frozen copy
 * @throws ValidationError `JSON_VALUE_INVALID` (see `assertJsonValue`)
 */
export function snapshotJson(value: unknown, path = '$'): JsonValue {
  assertJsonValue(value, path)
  return copy(value)
}
