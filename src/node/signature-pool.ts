import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import { ed25519Verify } from 'saksi'
import { packVerifyBatch, type VerifyItem } from './verify-batch.js'

/** Options of {@link SignaturePool}. */
export interface SignaturePoolOptions {
  /** Worker threads (default: one per core). 0 verifies on the calling thread. */
  workers?: number
  /** Most signatures sent to a worker in one message (default 256). */
  maxBatch?: number
}

interface Waiting {
  item: VerifyItem
  resolve: (ok: boolean) => void
}

interface WorkerSlot {
  worker: Worker
  inFlight: Map<number, Waiting[]>
}

/**
 * Verifies Ed25519 signatures on a pool of worker threads. Requests are gathered for one event-loop
 * turn and sent as packed batches to the least busy worker, so that the per-message cost is paid
 * once per batch, not per signature.
 */
export class SignaturePool {
  readonly #slots: WorkerSlot[] = []
  readonly #maxBatch: number
  #pending: Waiting[] = []
  #flushScheduled = false
  #nextId = 1
  #closed = false
  #fallbacks = 0

  constructor(options: SignaturePoolOptions = {}) {
    const count = options.workers ?? availableParallelism()
    this.#maxBatch = options.maxBatch ?? 256
    for (let i = 0; i < count; i++) this.#slots.push(this.#spawn())
  }

  /** Whether `signature` is `publicKey`'s valid signature of `message` (never throws for bad input). */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    if (this.#closed) return Promise.reject(new Error('signature pool is closed'))
    if (this.#slots.length === 0) return Promise.resolve(ed25519Verify(publicKey, message, signature))
    return new Promise((resolve) => {
      this.#pending.push({ item: { publicKey, message, signature }, resolve })
      if (this.#pending.length >= this.#maxBatch) this.#flush()
      else if (!this.#flushScheduled) {
        this.#flushScheduled = true
        setImmediate(() => this.#flush())
      }
    })
  }

  /** Signatures waiting or being verified. */
  backlog(): number {
    let n = this.#pending.length
    for (const s of this.#slots) for (const w of s.inFlight.values()) n += w.length
    return n
  }

  /** Thread ids of the running workers. */
  workerThreadIds(): number[] {
    return this.#slots.map((s) => s.worker.threadId)
  }

  /** Batches a crashed worker left behind, verified on the calling thread instead. */
  fallbacks(): number {
    return this.#fallbacks
  }

  /** Stops the workers; checks in flight resolve `false`. */
  async close(): Promise<void> {
    this.#closed = true
    for (const w of this.#pending) w.resolve(false)
    this.#pending = []
    await Promise.all(
      this.#slots.map(async (s) => {
        for (const batch of s.inFlight.values()) for (const w of batch) w.resolve(false)
        s.inFlight.clear()
        await s.worker.terminate()
      }),
    )
  }

  #flush(): void {
    this.#flushScheduled = false
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, this.#maxBatch)
      const slot = this.#slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a))
      const id = this.#nextId++
      slot.inFlight.set(id, batch)
      const packed = packVerifyBatch(batch.map((w) => w.item))
      slot.worker.postMessage({ id, batch: packed }, [packed.buffer as ArrayBuffer])
    }
  }

  #spawn(): WorkerSlot {
    const worker = spawnVerifyWorker()
    worker.unref()
    const slot: WorkerSlot = { worker, inFlight: new Map() }
    worker.on('message', (msg: { id: number; results: Uint8Array }) => {
      const batch = slot.inFlight.get(msg.id)
      if (!batch) return
      slot.inFlight.delete(msg.id)
      batch.forEach((w, i) => w.resolve(msg.results[i] === 1))
    })
    worker.on('error', () => {
      // A crashed worker: verify what it held on this thread, and replace it.
      for (const batch of slot.inFlight.values()) {
        this.#fallbacks++
        for (const w of batch) w.resolve(ed25519Verify(w.item.publicKey, w.item.message, w.item.signature))
      }
      slot.inFlight.clear()
      if (!this.#closed) {
        const i = this.#slots.indexOf(slot)
        if (i >= 0) this.#slots[i] = this.#spawn()
      }
    })
    return slot
  }
}

/**
 * Starts a signature worker: the compiled `verify-worker.js` from dist, or from source (tests, tsx)
 * `verify-worker-tsx.mjs`, which registers tsx inside the worker before loading the TypeScript.
 */
function spawnVerifyWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts')
  return new Worker(new URL(fromSource ? './verify-worker-tsx.mjs' : './verify-worker.js', import.meta.url))
}
