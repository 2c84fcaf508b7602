import { utf8 } from '../encoding/bytes.js'

/** The domain tag that starts every state element, so its expansions are used for nothing else. */
export const STATE_ELEMENT_TAG = 'saksi/state-lthash16/v1\n'

const TAG = utf8(STATE_ELEMENT_TAG)

function lengthOf(view: DataView, at: number, n: number): void {
  view.setUint32(at, n, false)
}

/**
 * The bytes of one committed state entry as an element of the state digest's set:
 * `tag ‖ u32be(len contract) ‖ contract ‖ u32be(len key) ‖ key ‖ value`, strings in UTF-8, the
 * value as its JCS text (the stored form). Length prefixes make the split unambiguous, so two
 * different entries never give the same bytes.
 * @param contract the contract (state namespace)
 * @param key the state key
 * @param valueJcs the value's canonical JSON text (RFC 8785)
 */
export function stateElement(contract: string, key: string, valueJcs: string): Uint8Array {
  const c = utf8(contract)
  const k = utf8(key)
  const v = utf8(valueJcs)
  const out = new Uint8Array(TAG.length + 4 + c.length + 4 + k.length + v.length)
  const view = new DataView(out.buffer)
  let at = 0
  out.set(TAG, at)
  at += TAG.length
  lengthOf(view, at, c.length)
  out.set(c, (at += 4))
  at += c.length
  lengthOf(view, at, k.length)
  out.set(k, (at += 4))
  out.set(v, at + k.length)
  return out
}
