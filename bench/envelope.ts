import { generateKeyPairSync, sign, verify } from 'node:crypto'
import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../packages/saksi/src/core/tx/sign-tx.js'
import { parseEnvelope } from '../packages/saksi/src/core/tx/parse-envelope.js'
import { verifyParsedEnvelope } from '../packages/saksi/src/core/tx/verify-envelope.js'
import { nobleEd25519Verify } from '../packages/saksi/src/core/crypto/ed25519.js'
import { opsPerSecond, type BenchResult } from './types.js'

/**
 * Envelope verification (parse, JCS, txId, signature) per second on one core, beside the raw
 * `crypto.verify` of the same key and a message of the same size measured in the same run.
 */
export async function benchEnvelope(): Promise<BenchResult[]> {
  const signers = Array.from({ length: 64 }, () => KeyPair.generate())
  const texts = signers.map((k, i) =>
    JSON.stringify(
      signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', args: { name: `Warga ${i}` }, ttlSeconds: 3600 }, k).envelope,
    ),
  )
  const parsed = texts.map((t) => parseEnvelope(t))
  const message = parsed[0]!.signingInput

  const raw = generateKeyPairSync('ed25519')
  const rawSig = sign(null, message, raw.privateKey)
  let i = 0
  const rawVerify = opsPerSecond(() => {
    verify(null, message, raw.publicKey, rawSig)
  })
  const full = opsPerSecond(() => {
    const p = parseEnvelope(texts[i++ & 63]!)
    verifyParsedEnvelope(p)
  })
  const parseOnly = opsPerSecond(() => {
    parseEnvelope(texts[i++ & 63]!)
  })
  const noble = opsPerSecond(() => {
    const p = parsed[i++ & 63]!
    nobleEd25519Verify(p.publicKey, p.signingInput, p.signature)
  }, 1000)
  return [
    { name: 'raw crypto.verify (Ed25519, one core)', value: rawVerify, unit: 'ops/s', note: `${message.length}-byte message, cached KeyObject` },
    { name: 'envelope parse + verify (one core)', value: full, unit: 'ops/s', ratio: { value: full / rawVerify, baseline: 'raw crypto.verify' } },
    { name: 'envelope parse only (JSON, checks, JCS, txId)', value: parseOnly, unit: 'ops/s', ratio: { value: parseOnly / rawVerify, baseline: 'raw crypto.verify' } },
    { name: 'pure-JS Ed25519 verify (@noble, browser path)', value: noble, unit: 'ops/s', ratio: { value: noble / rawVerify, baseline: 'raw crypto.verify' } },
  ]
}
