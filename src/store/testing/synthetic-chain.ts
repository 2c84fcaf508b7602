/**
 * Test and bench support: a chain of block commits generated from a seed, fast and without
 * executing contracts. Block `h` depends only on the seed, `h` and the previous header, so a
 * process that resumes from a store's head produces exactly the blocks a fresh replay produces:
 * the crash test's parent recomputes what its killed child committed. Entry bytes, txIds, Merkle
 * nodes, headers and checkpoints have their real shapes (and real signatures), not real meaning.
 */
import { genesisHash, nextStateDigest, type SignedBlock } from '../../../packages/saksi/src/core/block/block-header.js'
import { buildBlockHeader } from '../../../packages/saksi/src/core/block/build-block-header.js'
import { signBlock } from '../../../packages/saksi/src/core/block/sign-block.js'
import { sha256 } from '../../../packages/saksi/src/core/crypto/sha256.js'
import { fromBase64 } from '../../../packages/saksi/src/core/encoding/base64.js'
import { utf8 } from '../../../packages/saksi/src/core/encoding/bytes.js'
import { toHex } from '../../../packages/saksi/src/core/encoding/hex.js'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import { formatTime } from '../../../packages/saksi/src/core/encoding/time.js'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { leafHash } from '../../../packages/saksi/src/core/merkle/hash.js'
import { MerkleAppender, type MerkleNode } from '../../../packages/saksi/src/core/merkle/merkle-appender.js'
import { seededRandom } from '../../../packages/saksi/src/core/merkle/testing/seeded-random.js'
import { signCheckpoint } from '../../../packages/saksi/src/core/note/sign-checkpoint.js'
import type { StateWrite } from '../../../packages/saksi/src/core/state/state-store.js'
import type { BlockCommit, StoredEntry } from '../ledger-store.js'

/** The shape of the generated load. */
export interface SyntheticOptions {
  seed: number
  /** Entries per block: uniform in [0, 2 × average] when `varySize`, else exactly this. */
  entriesPerBlock: number
  varySize?: boolean
  /** Approximate size of each entry's bytes (default 700, like a signed identity.register). */
  entryBytes?: number
  /** State writes per entry (default 2); about one in seven deletes. */
  writesPerEntry?: number
  /** Distinct keys per contract (default 1,000,000: nearly every put is a new key). */
  keySpace?: number
}

const ORIGIN = 'saksi.example/synthetic'
const T0 = Date.parse('2026-11-23T08:00:00.000Z')

/** Generates the commits of one synthetic chain, block after block. */
export class SyntheticChain {
  readonly key: KeyPair
  #appender = new MerkleAppender()
  #head: SignedBlock | undefined
  readonly #pad: string

  constructor(readonly options: SyntheticOptions) {
    this.key = KeyPair.fromSeed(sha256(utf8(`synthetic key ${options.seed}`)))
    this.#pad = 'x'.repeat(Math.max(0, (options.entryBytes ?? 700) - 120))
  }

  /** The genesis document and block 0 (with a few writes, no entries). */
  genesis(): { genesis: JsonObject; block0: BlockCommit } {
    const genesis: JsonObject = { v: 1, network: 'synthetic', origin: ORIGIN, time: formatTime(T0), seed: this.options.seed }
    const writes: StateWrite[] = [{ contract: 'c0', key: 'genesis', value: { seed: this.options.seed } }]
    const header = buildBlockHeader(
      { network: 'synthetic', genesisHash: genesisHash(genesis) },
      { time: formatTime(T0), size: 0, logRoot: this.#appender.root(), stateDigest: this.#digest(undefined, 0), proposer: this.key.did },
    )
    return { genesis, block0: this.#finish(header, [], [], writes) }
  }

  /** Continues after a stored head, with the Merkle appender restored at its size. */
  resume(head: SignedBlock, appender: MerkleAppender): void {
    this.#head = head
    this.#appender = appender
  }

  /** The next block's commit. */
  next(): BlockCommit {
    const prev = this.#head
    if (!prev) throw new Error('start from genesis() or resume()')
    const height = prev.header.height + 1
    const random = seededRandom(this.options.seed * 1_000_003 + height)
    const { entriesPerBlock, varySize } = this.options
    const count = varySize ? random(2 * entriesPerBlock + 1) : entriesPerBlock
    const nodes: MerkleNode[] = []
    const entries: StoredEntry[] = []
    const writes: StateWrite[] = []
    const keySpace = this.options.keySpace ?? 1_000_000
    for (let i = 0; i < count; i++) {
      const index = prev.header.size + i
      const signer = `did:key:z6MkSynthetic${index % 97}`
      const bytes = utf8(JSON.stringify({ v: 1, index, block: height, signer, pad: this.#pad }))
      this.#appender.appendTo(leafHash(bytes), (level, idx, hash) => nodes.push({ level, index: idx, hash }))
      entries.push({ index, txId: toHex(sha256(utf8(`${this.options.seed}:${index}`))), signer, bytes })
      for (let w = 0; w < (this.options.writesPerEntry ?? 2); w++) {
        const contract = `c${random(3)}`
        const key = `k/${random(keySpace).toString(36)}`
        writes.push(random(7) === 0 ? { contract, key } : { contract, key, value: { index, w, name: 'Warga', tags: ['a', random(1000)] } })
      }
    }
    const header = buildBlockHeader(prev.header, {
      time: formatTime(T0 + height * 1000),
      size: this.#appender.size,
      logRoot: this.#appender.root(),
      stateDigest: this.#digest(prev, height),
      proposer: this.key.did,
    })
    return this.#finish(header, entries, nodes, writes)
  }

  #digest(prev: SignedBlock | undefined, height: number): Uint8Array {
    const before = prev ? fromBase64(prev.header.stateDigest, 32, 'stateDigest') : new Uint8Array(32)
    return nextStateDigest(before, sha256(utf8(`${this.options.seed}/${height}`)))
  }

  #finish(header: SignedBlock['header'], entries: StoredEntry[], nodes: MerkleNode[], writes: StateWrite[]): BlockCommit {
    const block = signBlock(header, this.key)
    const checkpoint = signCheckpoint({ origin: ORIGIN, size: header.size, root: this.#appender.root() }, this.key)
    this.#head = block
    return { block, checkpoint, entries, nodes, writes }
  }
}
