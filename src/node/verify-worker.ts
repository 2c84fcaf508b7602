/**
 * Signature worker: verifies packed batches (see verify-batch.ts) with the core's Ed25519 rule, on
 * its own thread so that admission uses every core.
 */
import { parentPort } from 'node:worker_threads'
import { ed25519Verify } from '../core/index.js'
import { runVerifyBatch } from './verify-batch.js'

parentPort?.on('message', (msg: { id: number; batch: Uint8Array }) => {
  const results = runVerifyBatch(msg.batch, ed25519Verify)
  parentPort!.postMessage({ id: msg.id, results }, [results.buffer as ArrayBuffer])
})
