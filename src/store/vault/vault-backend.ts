/**
 * What a vault driver stores: opaque rows. The driver never sees clear text or unwrapped keys;
 * encryption is the {@link PersonalDataVault}'s job, so every driver gets it the same way.
 */

/** A data subject (a person): their data key, wrapped by the master key. */
export interface SubjectRow {
  id: string
  /** The subject's AES-256 data key, sealed with the master key (AES-256-GCM, AAD = id). */
  wrappedKey: Uint8Array
  /** Which master key wrapped it (the first 8 hex digits of its SHA-256), for key rotation. */
  masterKeyId: string
  createdAt: string
}

/** One sealed record of a subject. */
export interface RecordRow {
  ref: string
  subject: string
  /** 12-byte GCM nonce ‖ ciphertext ‖ 16-byte tag; AAD = ref and subject. */
  sealed: Uint8Array
  createdAt: string
}

/**
 * A vault driver. Implementations must make `putSubject`+`putRecords` visible atomically only as a
 * whole when called through `deposit`, and `eraseSubject` must remove the key and the records so
 * that no copy of either stays readable in the store (SQLite: `secure_delete`).
 */
export interface VaultBackend {
  /** Stores a new subject and its records in one transaction; refs and ids are fresh. */
  deposit(subject: SubjectRow | undefined, records: RecordRow[]): void
  /** The subject row, or undefined if unknown; `erased` when its key was deleted. */
  getSubject(id: string): SubjectRow | { erased: string } | undefined
  /** The record row, or undefined if unknown (or erased with its subject). */
  getRecord(ref: string): RecordRow | undefined
  /** References of a subject's records, oldest first. */
  listRecords(subject: string): string[]
  /**
   * Deletes the subject's key and records, leaving a tombstone with the erasure time.
   * @returns false if the subject is unknown or already erased
   */
  eraseSubject(id: string, at: string): boolean
  close(): void
}
