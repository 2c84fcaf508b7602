import type { DemoStep } from '../../../../cli/index.js'
import { KeyPair, signTx } from 'saksi'

/** The notice board's demo step: one notice, posted through a signed transaction. */
export const papanDemo: DemoStep = {
  intro: { id: 'Memuat papan pengumuman…\n', en: 'Loading the notice board…\n' },
  async load({ node, lang }) {
    const key = KeyPair.generate()
    const network = node.info().network
    // A key the node does not know may only register first (PROTOCOL-NOTES "Admission limits").
    const registered = signTx({ network, contract: 'identity', method: 'register', args: { name: 'Kader Posyandu' } }, key)
    await node.submit(JSON.stringify(registered.envelope))
    const tx = signTx({ network, contract: 'papan', method: 'post', args: { text: 'Posyandu Sabtu pukul 08.00' } }, key)
    const { txId } = await node.submit(JSON.stringify(tx.envelope))
    const receipt = await node.waitForReceipt(txId, 10_000)
    const status = receipt?.status ?? { id: 'belum di-commit', en: 'not committed' }[lang]
    return { id: `Papan: 1 pengumuman dipasang (${status})\n`, en: `Papan: 1 notice posted (${status})\n` }[lang]
  },
}
