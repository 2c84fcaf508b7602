/**
 * Test support: the process the SQLite crash test kills. It opens (or creates) the database named
 * on the command line, resumes the synthetic chain from its head, prints `ready <height>`, and
 * commits blocks as fast as it can until it is killed (or, as a safety net, after 20 s).
 *
 * Usage: node --conditions=saksi-source --import tsx crash-child.ts <path> <seed> <entriesPerBlock>
 */
import { MerkleAppender } from '../../../packages/saksi/src/core/merkle/merkle-appender.js'
import { rootPlan } from '../../../packages/saksi/src/core/merkle/root-plan.js'
import { openSqliteLedgerStore } from '../sqlite/open-sqlite-ledger-store.js'
import { SyntheticChain } from './synthetic-chain.js'

const [path, seed, entriesPerBlock] = process.argv.slice(2)
if (!path || !seed || !entriesPerBlock) throw new Error('usage: crash-child.ts <path> <seed> <entriesPerBlock>')
const chain = new SyntheticChain({ seed: Number(seed), entriesPerBlock: Number(entriesPerBlock), varySize: true, keySpace: 500 })
const store = openSqliteLedgerStore(path)
const head = await store.head()
if (!head) {
  const { genesis, block0 } = chain.genesis()
  await store.initialise(genesis, block0)
} else {
  const size = head.block.header.size
  chain.resume(head.block, MerkleAppender.restore(size, [...(await store.merkle.getNodes(rootPlan(size)))]))
}
process.stdout.write(`ready ${head?.block.header.height ?? 0}\n`)
const deadline = Date.now() + 20_000
while (Date.now() < deadline) await store.commitBlock(chain.next())
await store.close()
