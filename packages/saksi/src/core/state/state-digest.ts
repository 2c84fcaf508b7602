import { LtHash16 } from './lthash16.js'
import { StateElementEncoder } from './state-element.js'

/** One stored state entry as the digest sees it: the value as its JCS text. */
export interface StateDigestEntry {
  contract: string
  key: string
  /** The value's canonical JSON text (RFC 8785), as the store keeps it. */
  value: string
}

// Each element is expanded as soon as it is encoded, so one buffer serves every digest.
const encoder = new StateElementEncoder()

/**
 * The incremental digest of all committed state: the LtHash16 of the set of its entries
 * (`stateElement`). A block's writes change it by removing each written key's old entry and
 * adding its new one, at a cost that does not grow with the state; recomputing it from every entry
 * gives the same value, which is how a node finds state changed behind its back.
 */
export class StateDigest {
  readonly hash: LtHash16

  /** @param hash the value to continue from (default: the empty state's) */
  constructor(hash: LtHash16 = LtHash16.empty()) {
    this.hash = hash
  }

  /**
   * The digest of a whole state, entry by entry (any order).
   * @param entries every stored entry
   */
  static of(entries: Iterable<StateDigestEntry>): StateDigest {
    const d = new StateDigest()
    for (const e of entries) d.add(e.contract, e.key, e.value)
    return d
  }

  /** Adds an entry that the state now holds. */
  add(contract: string, key: string, valueJcs: string): this {
    this.hash.add(encoder.encode(contract, key, valueJcs))
    return this
  }

  /** Removes an entry that the state held. */
  remove(contract: string, key: string, valueJcs: string): this {
    this.hash.remove(encoder.encode(contract, key, valueJcs))
    return this
  }

  /**
   * Applies one key's change: removes its old entry (if it had one), adds its new one (unless deleted).
   * @param before the value's JCS text before, or undefined if the key was absent
   * @param after the value's JCS text after, or undefined if the key is deleted
   */
  change(contract: string, key: string, before: string | undefined, after: string | undefined): this {
    if (before === after) return this
    if (before !== undefined) this.remove(contract, key, before)
    if (after !== undefined) this.add(contract, key, after)
    return this
  }
}
