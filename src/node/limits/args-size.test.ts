import { describe, expect, it } from 'vitest'
import { canonicalBytes } from '../../../packages/saksi/src/core/encoding/jcs.js'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { parseEnvelope } from '../../../packages/saksi/src/core/tx/parse-envelope.js'
import { signTx } from '../../../packages/saksi/src/core/tx/sign-tx.js'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import { argsBytes } from './args-size.js'

describe('argsBytes', () => {
  describe('when given a parsed envelope', () => {
    it('is the byte length of JCS(args), for any arguments', () => {
      const key = KeyPair.generate()
      const cases: JsonObject[] = [{}, { name: 'Warga' }, { note: 'é'.repeat(500), list: [1, 2, { b: null, a: true }] }, { x: '🌺'.repeat(3000) }]
      for (const [i, args] of cases.entries()) {
        const nonce = ['n', 'é"\\\u0001', '🌺 x', 'a'.repeat(64)][i]!
        const env = signTx({ network: 'kota-contoh', contract: 'c', method: 'm', args, nonce, expiresAt: '2030-01-01T00:00:00.000Z' }, key)
        expect(argsBytes(parseEnvelope(JSON.stringify(env.envelope)))).toBe(canonicalBytes(args).byteLength)
      }
    })
  })
})
