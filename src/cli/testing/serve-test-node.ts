import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import type { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../../packages/saksi/src/core/tx/sign-tx.js'
import { bufferIo } from '../cli-io.js'
import { runSaksi as runCli } from '../../saksi.js'

/** A Kota Contoh node served by `saksi start` from a fresh data directory, for CLI tests. */
export interface TestNode {
  /** A temporary folder for the test's files; the data directory is `<root>/kota`. */
  root: string
  dir: string
  url: string
  /** Signs a call and submits it with `?wait=true`; the receipt or error body. */
  call(key: KeyPair, contract: string, method: string, args: JsonObject): Promise<{ status: string; code?: string }>
  /** Stops the node and removes the folder. */
  close(): Promise<void>
}

/**
 * Runs `saksi init` and `saksi start --port 0` in-process in a new temporary folder.
 * @param prefix the temporary folder's name prefix
 * @throws Error if the node does not start listening within 5 s
 */
export async function serveTestNode(prefix: string): Promise<TestNode> {
  const root = await mkdtemp(join(tmpdir(), prefix))
  const dir = join(root, 'kota')
  if ((await runCli(['init', '--data', dir], bufferIo())) !== 0) throw new Error('saksi init failed')
  const io = bufferIo()
  const stop = new AbortController()
  const serving = runCli(['start', '--data', dir, '--port', '0'], io, { stop: stop.signal })
  let url = ''
  for (let i = 0; i < 200 && !url; i++) {
    url = /listening on (http:\/\/\S+)/.exec(io.stdout())?.[1] ?? ''
    if (!url) await new Promise((r) => setTimeout(r, 25))
  }
  if (!url) throw new Error(`saksi start did not listen: ${io.stdout()} ${io.stderr()}`)
  return {
    root,
    dir,
    url,
    async call(key, contract, method, args) {
      const env = signTx({ network: 'kota-contoh', contract, method, args }, key).envelope
      const res = await fetch(`${url}/v1/tx?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env) })
      return (await res.json()) as { status: string; code?: string }
    },
    async close() {
      stop.abort()
      await serving
      await rm(root, { recursive: true, force: true })
    },
  }
}
