import type { DemoStep } from '../../../../cli/index.js'
import { KeyPair, signTx } from 'saksi'

/** The notice board's demo step: one notice, posted through a signed transaction. */
export const papanDemo: DemoStep = {
  intro: 'Loading the notice board…\n',
  async load({ node }) {
    const key = KeyPair.generate()
    const network = node.info().network
    // A key the node does not know may only register first (PROTOCOL-NOTES "Admission limits").
    const registered = signTx({ network, contract: 'identity', method: 'register', args: { name: 'Kader Posyandu' } }, key)
    await node.submit(JSON.stringify(registered.envelope))
    const tx = signTx({ network, contract: 'papan', method: 'post', args: { text: 'Posyandu Sabtu pukul 08.00' } }, key)
    const { txId } = await node.submit(JSON.stringify(tx.envelope))
    const receipt = await node.waitForReceipt(txId, 10_000)
    return `Papan: 1 notice posted (${receipt?.status ?? 'not committed'})\n`
  },
}
