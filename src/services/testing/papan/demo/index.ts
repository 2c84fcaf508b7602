import type { DemoStep } from '../../../../cli/index.js'
import { KeyPair, signTx } from 'saksi'

/** The notice board's demo step: one notice, posted through a signed transaction. */
export const papanDemo: DemoStep = {
  intro: 'Loading the notice board…\n',
  async load({ node }) {
    const tx = signTx({ network: node.info().network, contract: 'papan', method: 'post', args: { text: 'Posyandu Sabtu pukul 08.00' } }, KeyPair.generate())
    const { txId } = await node.submit(JSON.stringify(tx.envelope))
    const receipt = await node.waitForReceipt(txId, 10_000)
    return `Papan: 1 notice posted (${receipt?.status ?? 'not committed'})\n`
  },
}
