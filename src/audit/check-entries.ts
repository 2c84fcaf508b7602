import type { BlockHeader, ParsedEnvelope } from 'saksi'
import { parseEntry, parseEnvelope } from 'saksi'
import type { SignaturePool } from '../node/index.js'
import { AuditFailure, asFailure } from './audit-failure.js'
import type { TxIdIndex } from './txid-index.js'

/** An {@link AuditFailure} at a log index. */
export type EntryFailure = AuditFailure & { index: number }

/** A block's entries parsed, with their signature checks under way. */
export interface ParsedEntries {
  header: BlockHeader
  /** The transactions before the first entry that failed to parse. */
  txs: ParsedEnvelope[]
  /** The first entry that failed to parse or sits in the wrong place. */
  failure?: EntryFailure
  /** One verdict per transaction in `txs`, from the signature workers. */
  verdicts: Promise<boolean[]>
}

function failAt(index: number, failure: AuditFailure): EntryFailure {
  return Object.assign(failure, { index })
}

/**
 * Parses each entry of a block on its own: strict canonical parse, its place (index, block, time),
 * the network, and that it had not expired at the block time; stops at the first bad entry. Hands
 * the signatures to the worker pool at once, so that they are checked while the caller works.
 * @param header the block's checked header
 * @param entries the stored bytes of its entries
 * @param network the network every transaction must name
 * @param pool the signature workers
 */
export function parseEntries(header: BlockHeader, entries: readonly Uint8Array[], network: string, pool: SignaturePool): ParsedEntries {
  const blockMs = Date.parse(header.time)
  const txs: ParsedEnvelope[] = []
  let failure: EntryFailure | undefined
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
  const verdicts = Promise.all(txs.map((p) => pool.verify(p.publicKey, p.signingInput, p.signature)))
  // Awaited later, or never when an earlier block fails: not an unhandled rejection meanwhile.
  verdicts.catch(() => undefined)
  return failure ? { header, txs, failure, verdicts } : { header, txs, verdicts }
}

/**
 * Completes the checks of {@link parseEntries}: signatures, then transaction ids new to the log.
 * @returns the transactions before the first bad entry, and that entry's failure
 */
export async function finishEntries(parsed: ParsedEntries, txIds: TxIdIndex): Promise<{ txs: ParsedEnvelope[]; failure?: EntryFailure }> {
  const { header, txs } = parsed
  const verdicts = await parsed.verdicts
  const bad = verdicts.indexOf(false)
  if (bad >= 0) {
    const index = header.firstIndex + bad
    return { txs: txs.slice(0, bad), failure: failAt(index, new AuditFailure(`entry ${index}`, 'TX_BAD_SIGNATURE', 'the signature does not verify for tx.signer')) }
  }
  for (let i = 0; i < txs.length; i++) {
    const index = header.firstIndex + i
    const earlier = await txIds.add(txs[i]!.txId, index)
    if (earlier !== undefined) {
      return { txs: txs.slice(0, i), failure: failAt(index, new AuditFailure(`entry ${index}`, 'AUDIT_DUPLICATE_TX', `transaction ${txs[i]!.txId} was already committed as entry ${earlier}`)) }
    }
  }
  return parsed.failure ? { txs, failure: parsed.failure } : { txs }
}
