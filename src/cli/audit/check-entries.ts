import type { BlockHeader } from '../../core/block/block-header.js'
import { parseEntry } from '../../core/log/parse-entry.js'
import { parseEnvelope } from '../../core/tx/parse-envelope.js'
import type { ParsedEnvelope } from '../../core/tx/types.js'
import type { SignaturePool } from '../../node/signature-pool.js'
import { AuditFailure, asFailure } from './audit-failure.js'
import type { TxIdIndex } from './txid-index.js'

/** What {@link checkEntries} takes. */
export interface CheckEntriesInput {
  header: BlockHeader
  /** The stored bytes of the block's entries, in order. */
  entries: Uint8Array[]
  /** The network every transaction must name. */
  network: string
  pool: SignaturePool
  txIds: TxIdIndex
}

/** The block's transactions up to its first bad entry, and that entry's failure. */
export interface CheckedEntries {
  txs: ParsedEnvelope[]
  /** The first entry that does not verify (its index is the log index). */
  failure?: AuditFailure & { index: number }
}

function failAt(index: number, failure: AuditFailure): AuditFailure & { index: number } {
  return Object.assign(failure, { index })
}

/**
 * Checks each entry of a block on its own: strict canonical parse, its place (index, block, time),
 * the network, its signature, that it had not expired at the block time, and that its
 * transaction id is new to the log. Stops at the first bad entry.
 * @returns the parsed transactions before the first bad entry, and that entry's failure
 */
export async function checkEntries(input: CheckEntriesInput): Promise<CheckedEntries> {
  const { header, entries, network } = input
  const blockMs = Date.parse(header.time)
  const txs: ParsedEnvelope[] = []
  let failure: (AuditFailure & { index: number }) | undefined
  for (let i = 0; i < entries.length && !failure; i++) {
    const index = header.firstIndex + i
    const where = `entry ${index}`
    try {
      const entry = parseEntry(entries[i]!)
      if (entry.index !== index || entry.block !== header.height || entry.time !== header.time) {
        throw new AuditFailure(where, 'AUDIT_ENTRY_POSITION', `the entry says index ${entry.index}, block ${entry.block}, time ${entry.time}; it is stored at index ${index} in block ${header.height} (time ${header.time})`)
      }
      if (entry.tx.network !== network) throw new AuditFailure(where, 'TX_WRONG_NETWORK', `the transaction is for network ${entry.tx.network}`)
      const parsed = parseEnvelope({ tx: entry.tx, sig: entry.sig })
      if (parsed.expiresAtMs <= blockMs) throw new AuditFailure(where, 'TX_EXPIRED', `the transaction expired at ${entry.tx.expiresAt}, before its block (${header.time})`)
      txs.push(parsed)
    } catch (e) {
      failure = failAt(index, asFailure(where, e))
    }
  }
  // Signatures on the worker pool, all of the block's at once; the first bad one in log order counts.
  const verdicts = await Promise.all(txs.map((p) => input.pool.verify(p.publicKey, p.signingInput, p.signature)))
  const bad = verdicts.indexOf(false)
  if (bad >= 0) {
    const index = header.firstIndex + bad
    return { txs: txs.slice(0, bad), failure: failAt(index, new AuditFailure(`entry ${index}`, 'TX_BAD_SIGNATURE', 'the signature does not verify for tx.signer')) }
  }
  for (let i = 0; i < txs.length; i++) {
    const index = header.firstIndex + i
    const earlier = await input.txIds.add(txs[i]!.txId, index)
    if (earlier !== undefined) {
      return { txs: txs.slice(0, i), failure: failAt(index, new AuditFailure(`entry ${index}`, 'AUDIT_DUPLICATE_TX', `transaction ${txs[i]!.txId} was already committed as entry ${earlier}`)) }
    }
  }
  return failure ? { txs, failure } : { txs }
}
