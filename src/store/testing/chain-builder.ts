/**
 * Test support: builds real blocks (signed transactions executed by the contract runtime, Merkle
 * nodes from an appender, signed headers and checkpoints) as `BlockCommit`s, the way the node does,
 * and keeps reference copies (MemoryStateStore, MemoryHashStore) to compare stores against.
 */
import { genesisHash, type SignedBlock } from '../../../packages/saksi/src/core/block/block-header.js'
import { buildBlockHeader } from '../../../packages/saksi/src/core/block/build-block-header.js'
import { signBlock } from '../../../packages/saksi/src/core/block/sign-block.js'
import { fromBase64 } from '../../../packages/saksi/src/core/encoding/base64.js'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import type { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { leafHash } from '../../../packages/saksi/src/core/merkle/hash.js'
import { MemoryHashStore } from '../../../packages/saksi/src/core/merkle/memory-hash-store.js'
import { MerkleAppender, type MerkleNode } from '../../../packages/saksi/src/core/merkle/merkle-appender.js'
import { signCheckpoint } from '../../../packages/saksi/src/core/note/sign-checkpoint.js'
import type { Runtime } from '../../../packages/saksi/src/core/runtime/create-runtime.js'
import { executeBlock } from '../../../packages/saksi/src/core/runtime/execute-block.js'
import { executeGenesis } from '../../../packages/saksi/src/core/runtime/execute-genesis.js'
import { MemoryStateStore } from '../../../packages/saksi/src/core/state/memory-state-store.js'
import type { StateWrite } from '../../../packages/saksi/src/core/state/state-store.js'
import type { ParsedEnvelope } from '../../../packages/saksi/src/core/tx/types.js'
import type { BlockCommit, StoredEntry } from '../ledger-store.js'

/** Builds a chain of block commits from genesis on, in memory. */
export class ChainBuilder {
  /** Reference state after the last built block. */
  readonly state = new MemoryStateStore()
  /** Reference Merkle hashes of every entry built so far. */
  readonly hashes = new MemoryHashStore()
  /** Every commit built, by height. */
  readonly commits: BlockCommit[] = []
  readonly #appender = new MerkleAppender()
  #head: SignedBlock | undefined

  /**
   * @param runtime the installed contracts
   * @param key the node key (proposer and checkpoint signer)
   * @param origin the log origin
   */
  constructor(
    private readonly runtime: Runtime,
    private readonly key: KeyPair,
    private readonly origin: string,
  ) {}

  /** Builds block 0 from a genesis document (with `network` and `time` fields). */
  genesis(doc: JsonObject): BlockCommit {
    const time = doc.time as string
    const g = executeGenesis({ runtime: this.runtime, genesis: doc, time })
    const header = buildBlockHeader(
      { network: doc.network as string, genesisHash: genesisHash(doc) },
      { time, size: 0, logRoot: this.#appender.root(), stateDigest: g.stateDigest, proposer: this.key.did },
    )
    return this.#finish(header, [], [], g.writes)
  }

  /** Executes `txs` as the next block at `time` and returns its commit. */
  next(txs: readonly ParsedEnvelope[], time: string): BlockCommit {
    const prev = this.#head
    if (!prev) throw new Error('build the genesis block first')
    const exec = executeBlock({
      runtime: this.runtime,
      state: this.state,
      height: prev.header.height + 1,
      time,
      firstIndex: prev.header.size,
      txs,
      prevStateDigest: fromBase64(prev.header.stateDigest, 32, 'stateDigest'),
    })
    const nodes: MerkleNode[] = []
    const entries: StoredEntry[] = exec.entries.map((e, i) => {
      const bytes = exec.entryBytes[i]!
      this.#appender.appendTo(leafHash(bytes), (level, index, hash) => nodes.push({ level, index, hash }))
      return { index: e.index, txId: e.txId, signer: e.tx.signer, bytes }
    })
    const header = buildBlockHeader(prev.header, {
      time,
      size: this.#appender.size,
      logRoot: this.#appender.root(),
      stateDigest: exec.stateDigest,
      proposer: this.key.did,
    })
    return this.#finish(header, entries, nodes, exec.writes)
  }

  #finish(header: SignedBlock['header'], entries: StoredEntry[], nodes: MerkleNode[], writes: StateWrite[]): BlockCommit {
    const block = signBlock(header, this.key)
    const checkpoint = signCheckpoint({ origin: this.origin, size: header.size, root: this.#appender.root() }, this.key)
    const commit: BlockCommit = { block, checkpoint, entries, nodes, writes }
    this.state.apply(writes)
    this.hashes.appendLeafHashes(entries.map((e) => leafHash(e.bytes)))
    this.#head = block
    this.commits.push(commit)
    return commit
  }
}

/**
 * The state after applying the writes of `commits` in order, as a reference for a store.
 * @param commits block commits from block 0 on
 */
export function replayState(commits: readonly BlockCommit[]): MemoryStateStore {
  const state = new MemoryStateStore()
  for (const c of commits) state.apply(c.writes)
  return state
}
