/**
 * Signature worker: verifies packed batches (see verify-batch.ts) with the core's Ed25519 rule, on
 * its own thread so that admission uses every core.
 */
import { parentPort } from 'node:worker_threads'
// A worker thread loads only what it runs: the primitives, not the core's index (tens of MiB per thread).
import { ed25519Verify } from 'saksi/crypto'
import { runVerifyBatch } from './verify-batch.js'

parentPort?.on('message', (msg: { id: number; batch: Uint8Array }) => {
  const results = runVerifyBatch(msg.batch, ed25519Verify)
  parentPort!.postMessage({ id: msg.id, results }, [results.buffer as ArrayBuffer])
})
