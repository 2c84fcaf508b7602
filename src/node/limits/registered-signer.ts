import { definePolicy, type Policy } from 'saksi'

/** The one call a key the directory does not know may make (PROTOCOL section 8). */
export const REGISTER_CALL = Object.freeze({ contract: 'identity', method: 'register' })

/**
 * Allows a caller the directory knows (`Directory.isKnown`: a citizen, a member of an
 * organisation, a rotated or revoked key). Checked at admission only, never during execution.
 */
export const knownSigner: Policy = definePolicy('knownSigner', (ctx) =>
  ctx.directory.isKnown(ctx.caller)
    ? undefined
    : {
        code: 'SIGNER_NOT_REGISTERED',
        message: `the key ${ctx.caller} is not registered; it may call ${REGISTER_CALL.contract}.${REGISTER_CALL.method} only`,
      },
)

/**
 * Signers whose `identity.register` is admitted and not yet committed, so that a wallet may send
 * its next calls right after its registration without waiting for the block. Bounded by the
 * node's pending transactions.
 */
export class PendingRegistrations {
  readonly #byTx = new Map<string, string>()
  readonly #signers = new Map<string, number>()

  /** Whether `signer` has a registration admitted and not yet committed. */
  has(signer: string): boolean {
    return this.#signers.has(signer)
  }

  /** Records the admitted registration `txId` of `signer`. */
  add(txId: string, signer: string): void {
    if (this.#byTx.has(txId)) return
    this.#byTx.set(txId, signer)
    this.#signers.set(signer, (this.#signers.get(signer) ?? 0) + 1)
  }

  /** Forgets `txId` (committed, expired or dropped); after a commit the directory knows the key. */
  settle(txId: string): void {
    const signer = this.#byTx.get(txId)
    if (signer === undefined) return
    this.#byTx.delete(txId)
    const n = this.#signers.get(signer)! - 1
    if (n === 0) this.#signers.delete(signer)
    else this.#signers.set(signer, n)
  }
}

/**
 * Signers the directory was found to know, so that the common case costs a set lookup rather than
 * a read of committed state. Only an identity call other than `register` can make a known key
 * unknown (a member removed, say), so the set is emptied whenever a committed block holds one; it
 * holds at most `tracked` signers (then it starts again).
 */
export class KnownSigners {
  readonly #known = new Set<string>()
  constructor(private readonly tracked: number) {}

  /** Whether `signer` was found known since the last change of the directory. */
  has(signer: string): boolean {
    return this.#known.has(signer)
  }

  /** Remembers that the directory knows `signer`. */
  add(signer: string): void {
    if (this.#known.size >= this.tracked) this.#known.clear()
    this.#known.add(signer)
  }

  /** Takes a committed block's calls: forgets everything if one of them may have changed who is known. */
  committed(calls: readonly { contract: string; method: string }[]): void {
    if (calls.some((c) => c.contract === REGISTER_CALL.contract && c.method !== REGISTER_CALL.method)) this.#known.clear()
  }
}
