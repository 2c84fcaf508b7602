/**
 * Remembers every transaction id of the log to find one committed twice (PROTOCOL section 3: at
 * most once), in bounded memory: it keeps 64 bits of each id with its index, and on a match of
 * those bits reads the earlier entry's full id, so a collision of prefixes is never a false alarm
 * and never hides a duplicate.
 */
export class TxIdIndex {
  // Almost always one index per prefix; several only when different ids share 64 bits.
  readonly #seen = new Map<string, number | number[]>()
  readonly #fullIdAt: (index: number) => Promise<string>

  /**
   * @param fullIdAt reads the full transaction id of an earlier entry (only on a prefix match)
   */
  constructor(fullIdAt: (index: number) => Promise<string>) {
    this.#fullIdAt = fullIdAt
  }

  /**
   * Records `txId` at `index`.
   * @returns the index of an earlier entry with the same id, or `undefined`
   */
  async add(txId: string, index: number): Promise<number | undefined> {
    const prefix = txId.slice(0, 16)
    const earlier = this.#seen.get(prefix)
    if (earlier === undefined) {
      this.#seen.set(prefix, index)
      return undefined
    }
    const list = typeof earlier === 'number' ? [earlier] : earlier
    for (const i of list) if ((await this.#fullIdAt(i)) === txId) return i
    this.#seen.set(prefix, [...list, index])
    return undefined
  }
}
