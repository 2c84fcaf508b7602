/**
 * Child process of the node-scale bench: writes `count` individually signed `identity.register`
 * envelopes (a fresh key each, as distinct citizens) to an NDJSON file.
 * Usage: tsx bench/scale-sign.ts FILE COUNT OFFSET NETWORK
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../packages/saksi/src/core/tx/sign-tx.js'

const [file, count, offset, network] = process.argv.slice(2)
const out = createWriteStream(file!)
const n = Number(count)
const first = Number(offset)
for (let i = 0; i < n; i++) {
  const env = signTx({ network: network!, contract: 'identity', method: 'register', args: { name: `Warga ${first + i}` }, ttlSeconds: 3000 }, KeyPair.generate()).envelope
  if (!out.write(`${JSON.stringify(env)}\n`)) await once(out, 'drain')
}
out.end()
await once(out, 'finish')
