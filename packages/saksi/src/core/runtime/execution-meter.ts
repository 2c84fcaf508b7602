import type { JsonValue } from '../encoding/json.js'
import type { StateEntry } from '../state/state-store.js'
import type { ExecutionLimits, ExecutionResource } from './execution-limits.js'

const NON_ASCII = /[^\p{ASCII}]/u

/** UTF-8 length of a well-formed string (a surrogate pair is 4 bytes). */
export function utf8Length(s: string): number {
  if (!NON_ASCII.test(s)) return s.length
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3
  }
  return n
}

/**
 * UTF-8 bytes of a value's JSON text. JSON.stringify's length does not depend on key order, so a
 * value read from a block's overlay and the same value read back from the store measure alike.
 */
export function jsonBytes(value: JsonValue | undefined): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value))
}

/**
 * Counts what one call uses against its {@link ExecutionLimits} (internal to the runtime). Each
 * method adds to the counts and returns the message of the first limit crossed, or undefined; the
 * session fails the call with `EXECUTION_LIMIT` and that message. Once crossed, the call is over:
 * its first failure is the one recorded.
 */
export class ExecutionMeter {
  #stateReads = 0
  #bytesRead = 0
  #stateWrites = 0
  #bytesWritten = 0
  #logicSteps = 0
  #events = 0
  #eventBytes = 0

  /** @param limits the network's limits (genesis `limits.execution`) */
  constructor(readonly limits: ExecutionLimits) {}

  /** Reads left before `stateReads` is crossed: a range asks for at most one more, so a long scan stops early. */
  get readsLeft(): number {
    return this.limits.stateReads - this.#stateReads
  }

  /** A `get` of `key` that found `value` (or nothing). */
  get(key: string, value: JsonValue | undefined): string | undefined {
    if (++this.#stateReads > this.limits.stateReads) return over('stateReads', this.limits)
    return this.#read(key.length + jsonBytes(value))
  }

  /** A `range` that returned `entries` (counted as at least one read). */
  range(entries: readonly StateEntry[]): string | undefined {
    this.#stateReads += Math.max(1, entries.length)
    if (this.#stateReads > this.limits.stateReads) return over('stateReads', this.limits)
    let bytes = 0
    for (const e of entries) bytes += e.key.length + jsonBytes(e.value)
    return this.#read(bytes)
  }

  /** A `put` (or, with no value, a `delete`) of `key`. */
  write(key: string, value: JsonValue | undefined): string | undefined {
    if (++this.#stateWrites > this.limits.stateWrites) return over('stateWrites', this.limits)
    this.#bytesWritten += key.length + jsonBytes(value)
    return this.#bytesWritten > this.limits.bytesWritten ? over('bytesWritten', this.limits) : undefined
  }

  /** An event of `type` with `data`. */
  event(type: string, data: JsonValue): string | undefined {
    if (++this.#events > this.limits.events) return over('events', this.limits)
    this.#eventBytes += type.length + jsonBytes(data)
    return this.#eventBytes > this.limits.eventBytes ? over('eventBytes', this.limits) : undefined
  }

  /** `steps` JSON Logic steps the contract charges. */
  logicSteps(steps: number): string | undefined {
    this.#logicSteps += steps
    return this.#logicSteps > this.limits.logicSteps ? over('logicSteps', this.limits) : undefined
  }

  #read(bytes: number): string | undefined {
    this.#bytesRead += bytes
    return this.#bytesRead > this.limits.bytesRead ? over('bytesRead', this.limits) : undefined
  }
}

function over(resource: ExecutionResource, limits: ExecutionLimits): string {
  return `the call used more ${resource} than limits.execution.${resource} = ${limits[resource]} allows`
}
