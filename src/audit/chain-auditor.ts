import type { BlockHeader, SignedBlock, Runtime } from 'saksi'
import { parseSignedBlock, verifyBlockLink, verifyBlockSignature, fromBase64, toBase64, bytesEqual, EMPTY_ROOT, leafHash, MerkleAppender, executeBlock, executeGenesis, rulesVersion } from 'saksi'
import type { SignaturePool } from '../node/index.js'
import { AuditFailure, attribute } from './audit-failure.js'
import type { AuditTrust } from './audit-trust.js'
import { AuditStateStore } from './audit-state-store.js'
import { finishEntries, parseEntries, type ParsedEntries } from './check-entries.js'
import { describeEntryDiff } from './entry-diff.js'
import { inadmissibleCode } from './inadmissible-code.js'
import type { TxIdIndex } from './txid-index.js'

/** A block whose entries are parsed and whose signatures are being checked. */
export interface PreparedBlock {
  block: SignedBlock
  entries: Uint8Array[]
  parsed: ParsedEntries
}

/**
 * Walks the chain block by block: checks each header (shape, signature, link), each entry
 * (strict parse, signature, position, uniqueness), re-executes the block from the audited state
 * and compares every entry's bytes and the state digest, and recomputes the Merkle root. Holds the
 * re-executed state and the Merkle frontier, never the log.
 */
export class ChainAuditor {
  /** The state re-executed so far. */
  readonly state = new AuditStateStore()
  readonly #appender = new MerkleAppender()
  // The last header whose signature and link verified, and the last block re-executed: the walk
  // checks the next header (and starts its signatures) before the previous block is re-executed.
  #lastHeader: BlockHeader | undefined
  #previous: BlockHeader | undefined

  constructor(
    private readonly trust: AuditTrust,
    private readonly runtime: Runtime,
    private readonly pool: SignaturePool,
    private readonly txIds: TxIdIndex,
  ) {}

  get #rules(): number {
    return rulesVersion(this.trust.genesis.rules)
  }

  /** The Merkle root of the entries audited so far. */
  root(): Uint8Array {
    return this.#appender.root()
  }

  /**
   * Checks a block header: shape, proposer signature, link to the previous header (or genesis).
   * @throws AuditFailure at `block <height>`
   */
  async header(raw: unknown, height: number): Promise<SignedBlock> {
    const where = `block ${height}`
    if (raw === undefined) throw new AuditFailure(where, 'AUDIT_BLOCK_MISSING', 'the source has no such block')
    const block = await attribute(where, () => parseSignedBlock(raw))
    if (block.header.height !== height) throw new AuditFailure(where, 'BLOCK_CHAIN_BROKEN', `the header says height ${block.header.height}`)
    await attribute(where, () => verifyBlockSignature(block, this.trust.proposers))
    await attribute(where, () => verifyBlockLink(block.header, this.#lastHeader ?? { genesisHash: this.trust.genesisHash, network: this.trust.genesis.network }))
    this.#lastHeader = block.header
    return block
  }

  /**
   * Re-executes genesis and checks block 0 (no entries, the empty root, the genesis state digest).
   * @throws AuditFailure at `block 0`
   */
  async genesisBlock(block: SignedBlock): Promise<void> {
    const { header } = block
    if (header.size !== 0 || header.logRoot !== toBase64(EMPTY_ROOT)) {
      throw new AuditFailure('block 0', 'AUDIT_LOG_ROOT_MISMATCH', 'block 0 must hold no entries and the empty tree root')
    }
    const g = await attribute('block 0', () => executeGenesis({ runtime: this.runtime, genesis: this.trust.document, time: header.time }), 'GENESIS_INVALID')
    this.#checkDigest(header, g.stateDigest)
    this.state.apply(g.writes)
    this.#previous = header
  }

  /**
   * Parses a block's entries and starts checking their signatures (see `parseEntries`); call
   * {@link block} with the result, in height order.
   * @param block the header, already checked with {@link header}
   * @param entries the stored bytes of entries `firstIndex` .. `size - 1`
   */
  prepare(block: SignedBlock, entries: Uint8Array[]): PreparedBlock {
    return { block, entries, parsed: parseEntries(block.header, entries, this.trust.genesis.network, this.pool) }
  }

  /**
   * Completes a block of height >= 1: signatures and transaction ids, re-execution from the audited
   * state compared entry by entry and with the state digest, the Merkle root; then advances.
   * @param prepared from {@link prepare}
   * @param onLeaf told each entry's index and leaf hash (proof samples)
   * @throws AuditFailure at the first entry, or the block, that does not verify
   */
  async block(prepared: PreparedBlock, onLeaf?: (index: number, leaf: Uint8Array) => void): Promise<void> {
    const { block, entries } = prepared
    const { header } = block
    const checked = await finishEntries(prepared.parsed, this.txIds)
    // Re-execute up to the first bad entry: a re-execution mismatch before it is the first failure.
    const good = checked.txs
    const exec = await attribute(`block ${header.height}`, () =>
      executeBlock({ runtime: this.runtime, state: this.state, height: header.height, time: header.time, firstIndex: header.firstIndex, txs: good, prevStateDigest: this.#prevDigest(), rules: this.#rules }),
    )
    for (let i = 0; i < good.length; i++) {
      const stored = entries[i]!
      if (!bytesEqual(stored, exec.entryBytes[i]!)) {
        throw new AuditFailure(`entry ${header.firstIndex + i}`, 'AUDIT_REEXECUTION_MISMATCH', describeEntryDiff(stored, exec.entryBytes[i]!))
      }
      const inadmissible = inadmissibleCode(exec.entries[i]!.result, this.#rules)
      if (inadmissible) {
        throw new AuditFailure(`entry ${header.firstIndex + i}`, 'AUDIT_ENTRY_INADMISSIBLE', `the call failed with ${inadmissible}, which rules ${this.#rules} refuse at admission: it should never have been logged`)
      }
    }
    if (checked.failure) throw checked.failure

    for (let i = 0; i < entries.length; i++) {
      const leaf = leafHash(entries[i]!)
      this.#appender.append(leaf)
      onLeaf?.(header.firstIndex + i, leaf)
    }
    if (toBase64(this.#appender.root()) !== header.logRoot) {
      throw new AuditFailure(`block ${header.height}`, 'AUDIT_LOG_ROOT_MISMATCH', `logRoot is not the Merkle root of entries 0..${header.size - 1}`)
    }
    this.#checkDigest(header, exec.stateDigest)
    this.state.apply(exec.writes)
    this.#previous = header
  }

  #prevDigest(): Uint8Array {
    return fromBase64(this.#previous!.stateDigest, 32)
  }

  #checkDigest(header: BlockHeader, digest: Uint8Array): void {
    if (toBase64(digest) !== header.stateDigest) {
      throw new AuditFailure(`block ${header.height}`, 'AUDIT_STATE_DIGEST_MISMATCH', `stateDigest is ${header.stateDigest}, re-execution gives ${toBase64(digest)}`)
    }
  }
}
