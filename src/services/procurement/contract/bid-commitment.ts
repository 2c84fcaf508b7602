import { sha256, canonicalBytes, fromHex, toHex } from 'saksi'
import type { JsonObject } from 'saksi'
import type { BidContent } from './records.js'

const PREFIX = new TextEncoder().encode('saksi/bid/v1\n')

/**
 * The commitment a supplier submits before the bid deadline: lowercase hex of
 * SHA-256(`saksi/bid/v1\n` ‖ salt ‖ JCS({process, supplier, bid})). The process and the supplier
 * are inside, so a commitment copied by a rival or replayed in another tender never matches.
 * Without the 32-byte salt, nobody (the agency included) can test guesses of the price.
 * @param salt 64 hex digits (32 random bytes), kept secret by the supplier until the reveal
 */
export function bidCommitment(input: { process: string; supplier: string; bid: BidContent; salt: string }): string {
  const salt = fromHex(input.salt)
  if (salt.length !== 32) throw new RangeError('a bid salt is 32 bytes (64 hex digits)')
  const body = canonicalBytes({ process: input.process, supplier: input.supplier, bid: input.bid as unknown as JsonObject })
  const bytes = new Uint8Array(PREFIX.length + salt.length + body.length)
  bytes.set(PREFIX, 0)
  bytes.set(salt, PREFIX.length)
  bytes.set(body, PREFIX.length + salt.length)
  return toHex(sha256(bytes))
}
