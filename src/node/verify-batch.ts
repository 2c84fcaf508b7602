/**
 * The wire format between the node and its signature workers: one transferable buffer per batch,
 * so a batch of hundreds of signatures costs one message instead of hundreds of object clones.
 * Layout per item: public key (32) ‖ signature (64) ‖ message length (u32, big-endian) ‖ message.
 */

/** One signature check. */
export interface VerifyItem {
  publicKey: Uint8Array
  signature: Uint8Array
  message: Uint8Array
}

/** Packs items into one buffer. */
export function packVerifyBatch(items: readonly VerifyItem[]): Uint8Array {
  let length = 4
  for (const it of items) length += 100 + it.message.length
  const out = new Uint8Array(length)
  const view = new DataView(out.buffer)
  view.setUint32(0, items.length)
  let at = 4
  for (const it of items) {
    out.set(it.publicKey, at)
    out.set(it.signature, at + 32)
    view.setUint32(at + 96, it.message.length)
    out.set(it.message, at + 100)
    at += 100 + it.message.length
  }
  return out
}

/** Runs `verify` over a packed batch; returns one byte per item (1 valid, 0 not). */
export function runVerifyBatch(
  packed: Uint8Array,
  verify: (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean,
): Uint8Array {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength)
  const count = view.getUint32(0)
  const results = new Uint8Array(count)
  let at = 4
  for (let i = 0; i < count; i++) {
    const len = view.getUint32(at + 96)
    const ok = verify(packed.subarray(at, at + 32), packed.subarray(at + 100, at + 100 + len), packed.subarray(at + 32, at + 96))
    results[i] = ok ? 1 : 0
    at += 100 + len
  }
  return results
}
