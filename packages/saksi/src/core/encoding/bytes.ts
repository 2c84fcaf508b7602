/** Byte helpers shared by the core. Browser-safe. */

const utf8Encoder = new TextEncoder()
// ignoreBOM: true keeps a leading U+FEFF in the text instead of silently dropping it, so that the
// strict JSON parser refuses it (RFC 8259 section 8.1) instead of accepting bytes that are not the
// canonical encoding.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text)
}

/**
 * Decodes UTF-8 bytes, refusing invalid sequences. A byte order mark is kept as U+FEFF, not dropped.
 * @throws TypeError on invalid UTF-8 (callers wrap it in their own coded error)
 */
export function fromUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes)
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0
  for (const p of parts) length += p.length
  const out = new Uint8Array(length)
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

/** Constant-shape equality of two byte arrays (not constant-time; only public data is compared). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * True for a Uint8Array from any realm (an iframe, a worker, a `vm` context), where
 * `instanceof Uint8Array` would say false.
 */
export function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array || (ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]')
}
