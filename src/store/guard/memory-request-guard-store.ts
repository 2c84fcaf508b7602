import type { RequestGuardStore } from './request-guard-store.js'

/** A {@link RequestGuardStore} in memory: for tests and nodes without a data directory (forgets on restart). */
export class MemoryRequestGuardStore implements RequestGuardStore {
  readonly #seen = new Map<string, number>()
  readonly #used = new Map<string, number>()
  #day = ''

  /** @inheritdoc */
  claim(id: string, expiresAtMs: number, nowMs: number): boolean {
    if (this.#seen.size > 1000) for (const [k, exp] of this.#seen) if (exp <= nowMs) this.#seen.delete(k)
    const exp = this.#seen.get(id)
    if (exp !== undefined && exp > nowMs) return false
    this.#seen.set(id, expiresAtMs)
    return true
  }

  /** @inheritdoc */
  take(key: string, day: string, n: number, limit: number): boolean {
    if (day !== this.#day) {
      this.#used.clear()
      this.#day = day
    }
    const used = this.#used.get(key) ?? 0
    if (used + n > limit) return false
    this.#used.set(key, used + n)
    return true
  }

  /** @inheritdoc */
  close(): void {}
}
