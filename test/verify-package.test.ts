import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'
import { build } from 'esbuild'
import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { signCheckpoint } from '../packages/saksi/src/core/note/sign-checkpoint.js'
import { formatVerifierKey } from '../packages/saksi/src/core/note/verifier-key.js'
import { signTx } from '../packages/saksi/src/core/tx/sign-tx.js'
import { parseEnvelope } from '../packages/saksi/src/core/tx/parse-envelope.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

describe('saksi/verify', () => {
  describe('when bundled for a browser', () => {
    it('bundles with no Node built-in and verifies with pure-JS crypto in a bare JS context', async () => {
      const out = await build({
        entryPoints: [resolve(root, 'packages/saksi/src/verify/index.ts')],
        bundle: true,
        platform: 'browser',
        format: 'iife',
        globalName: 'saksiVerify',
        write: false,
        logLevel: 'silent',
      })
      const code = out.outputFiles[0]!.text
      expect(code).not.toMatch(/require\(["']node:/)
      // A context with no `process`: the module must fall back to @noble for SHA-256 and Ed25519.
      const key = KeyPair.generate()
      const cpRoot = new Uint8Array(32).fill(3)
      const checkpoint = signCheckpoint({ origin: 'saksi.example/kota-contoh', size: 5, root: cpRoot }, key)
      const vkey = formatVerifierKey('saksi.example/kota-contoh', key.publicKey)
      const envelope = JSON.stringify(signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', args: { name: 'Siti' } }, key).envelope)
      const context = { TextEncoder, TextDecoder, checkpoint, vkey, envelope, result: undefined as unknown }
      runInNewContext(
        `${code};
        const entry = new TextEncoder().encode('hello');
        const lh = saksiVerify.leafHash(entry);
        result = {
          leaf: Array.from(lh),
          ok: saksiVerify.verifyInclusion({ leafHash: lh, index: 0, size: 1, proof: [], root: lh }),
          bad: saksiVerify.verifyInclusion({ leafHash: lh, index: 0, size: 1, proof: [], root: new Uint8Array(32) }),
          hasProcess: typeof process !== 'undefined',
          checkpointSize: saksiVerify.verifyCheckpoint(checkpoint, [vkey]).size,
          forged: (() => { try { saksiVerify.verifyCheckpoint(checkpoint.replace('\\n5\\n', '\\n6\\n'), [vkey]); return 'accepted' } catch (e) { return e.code } })(),
          txId: saksiVerify.verifyEnvelope(envelope).txId,
        }`,
        context,
      )
      const r = context.result as { leaf: number[]; ok: boolean; bad: boolean; hasProcess: boolean; checkpointSize: number; forged: string; txId: string }
      expect(r.checkpointSize).toBe(5)
      expect(r.forged).toBe('NOTE_BAD_SIGNATURE')
      expect(r.txId).toBe(parseEnvelope(envelope).txId)
      expect(r.hasProcess).toBe(false)
      const { createHash } = await import('node:crypto')
      expect(Buffer.from(r.leaf).toString('hex')).toBe(createHash('sha256').update(Buffer.from([0, ...Buffer.from('hello')])).digest('hex'))
      expect(r.ok).toBe(true)
      expect(r.bad).toBe(false)
    })
  })

  describe('when imported by plain Node after npm install', () => {
    it('resolves saksi/verify to the built module with every documented name', () => {
      expect(existsSync(resolve(root, 'packages/saksi/dist/verify/index.js')), 'packages/saksi/dist/ is missing: `npm install` builds it (or run `npm run build`)').toBe(true)
      const out = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import('saksi/verify');
           console.log(JSON.stringify(['verifyInclusion','verifyConsistency','leafHash','parseCheckpoint','verifyCheckpoint','verifyEnvelope'].map((n) => typeof m[n])))`,
        ],
        { cwd: root, encoding: 'utf8' },
      )
      expect(JSON.parse(out)).toEqual(Array(6).fill('function'))
    })
  })
})
