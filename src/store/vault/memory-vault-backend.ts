import type { RecordRow, SubjectRow, VaultBackend } from './vault-backend.js'

/** A {@link VaultBackend} in memory, for tests and throwaway nodes. */
export class MemoryVaultBackend implements VaultBackend {
  readonly #subjects = new Map<string, SubjectRow | { erased: string }>()
  readonly #records = new Map<string, RecordRow>()

  /** @inheritdoc */
  deposit(subject: SubjectRow | undefined, records: RecordRow[]): void {
    for (const r of records) {
      const owner = r.subject === subject?.id ? subject : this.#subjects.get(r.subject)
      if (!owner || 'erased' in owner) throw new Error(`subject ${r.subject} is not live`)
      if (this.#records.has(r.ref)) throw new Error(`record ${r.ref} exists`)
    }
    if (subject) {
      if (this.#subjects.has(subject.id)) throw new Error(`subject ${subject.id} exists`)
      this.#subjects.set(subject.id, copySubject(subject))
    }
    for (const r of records) this.#records.set(r.ref, { ...r, sealed: r.sealed.slice() })
  }

  /** @inheritdoc */
  getSubject(id: string): SubjectRow | { erased: string } | undefined {
    const s = this.#subjects.get(id)
    return s && ('erased' in s ? { ...s } : copySubject(s))
  }

  /** @inheritdoc */
  getRecord(ref: string): RecordRow | undefined {
    const r = this.#records.get(ref)
    return r && { ...r, sealed: r.sealed.slice() }
  }

  /** @inheritdoc */
  listRecords(subject: string): string[] {
    return [...this.#records.values()].filter((r) => r.subject === subject).map((r) => r.ref)
  }

  /** @inheritdoc */
  eraseSubject(id: string, at: string): boolean {
    const s = this.#subjects.get(id)
    if (!s || 'erased' in s) return false
    s.wrappedKey.fill(0)
    this.#subjects.set(id, { erased: at })
    for (const [ref, r] of this.#records) {
      if (r.subject === id) {
        r.sealed.fill(0)
        this.#records.delete(ref)
      }
    }
    return true
  }

  /** @inheritdoc */
  close(): void {}
}

function copySubject(s: SubjectRow): SubjectRow {
  return { ...s, wrappedKey: s.wrappedKey.slice() }
}
