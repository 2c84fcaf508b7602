import { utf8 } from '../encoding/bytes.js'

/** The domain tag that starts every state element, so its expansions are used for nothing else. */
export const STATE_ELEMENT_TAG = 'saksi/state-lthash16/v1\n'

const TAG = utf8(STATE_ELEMENT_TAG)
const encoder = new TextEncoder()

/**
 * Writes state elements (see {@link stateElement}) into one buffer that it reuses, so that hashing
 * a million entries allocates nothing per entry (a fresh `TextEncoder.encode` of each string costs
 * more than the rest of the encoding).
 */
export class StateElementEncoder {
  #buf = new Uint8Array(1024)
  #view = new DataView(this.#buf.buffer)

  /**
   * The element's bytes: a view of this encoder's buffer, valid until its next `encode`.
   * @param contract the contract (state namespace)
   * @param key the state key
   * @param valueJcs the value's canonical JSON text (RFC 8785)
   */
  encode(contract: string, key: string, valueJcs: string): Uint8Array {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const most = TAG.length + 8 + 3 * (contract.length + key.length + valueJcs.length)
    if (most > this.#buf.length) {
      this.#buf = new Uint8Array(2 * most)
      this.#view = new DataView(this.#buf.buffer)
    }
    const buf = this.#buf
    buf.set(TAG)
    let at = TAG.length
    at = this.#prefixed(contract, at)
    at = this.#prefixed(key, at)
    at += encoder.encodeInto(valueJcs, buf.subarray(at)).written
    return buf.subarray(0, at)
  }

  /** Writes `u32be(len text) ‖ text` at `at`; returns where it ends. */
  #prefixed(text: string, at: number): number {
    const n = encoder.encodeInto(text, this.#buf.subarray(at + 4)).written
    this.#view.setUint32(at, n, false)
    return at + 4 + n
  }
}

const shared = new StateElementEncoder()

/**
 * The bytes of one committed state entry as an element of the state digest's set:
 * `tag ‖ u32be(len contract) ‖ contract ‖ u32be(len key) ‖ key ‖ value`, strings in UTF-8, the
 * value as its JCS text (the stored form). Length prefixes make the split unambiguous, so two
 * different entries never give the same bytes.
 * @param contract the contract (state namespace)
 * @param key the state key
 * @param valueJcs the value's canonical JSON text (RFC 8785)
 * @returns a fresh copy (see {@link StateElementEncoder} to encode without allocating)
 */
export function stateElement(contract: string, key: string, valueJcs: string): Uint8Array {
  return shared.encode(contract, key, valueJcs).slice()
}
