import type { JsonObject, KeyPair, Receipt } from 'saksi'
import { signTx } from 'saksi'
import type { SaksiNode } from '../../node/index.js'
import { CliError } from '../cli-error.js'
import { COMMON_WORDS as W } from '../words/common-words.js'
import { bilingual } from '../words/words.js'

/** Signs, submits and awaits demo transactions, counting them. */
export interface DemoClient {
  /** Transactions submitted so far. */
  readonly transactions: number
  /** Submits a call and waits for its receipt, whatever its outcome. */
  call(key: KeyPair, contract: string, method: string, args: JsonObject): Promise<Receipt>
  /** Submits a call that must succeed. */
  must(key: KeyPair, contract: string, method: string, args: JsonObject): Promise<Receipt>
}

/**
 * A client of the node for the demo loaders: transactions are signed and submitted as any client
 * would, and each is awaited until committed.
 * @throws CliError (from `call`/`must`) if a transaction is not committed within 60 s, or a `must` call fails
 */
export function demoClient(node: SaksiNode): DemoClient {
  const network = node.info().network
  let transactions = 0
  const call = async (key: KeyPair, contract: string, method: string, args: JsonObject): Promise<Receipt> => {
    transactions++
    const { txId } = await node.submit(JSON.stringify(signTx({ network, contract, method, args }, key).envelope))
    const r = await node.waitForReceipt(txId, 60_000)
    if (!r) throw new CliError(bilingual(W, (w) => w.notCommitted(`${contract}.${method}`, 60)))
    return r
  }
  return {
    get transactions() {
      return transactions
    },
    call,
    async must(key, contract, method, args) {
      const r = await call(key, contract, method, args)
      if (r.status !== 'ok') throw new CliError(bilingual(W, (w) => w.demoCallFailed(`${contract}.${method}`, r.code ?? '')))
      return r
    },
  }
}
