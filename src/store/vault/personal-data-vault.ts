import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { COMMITMENT_SALT_BYTES, recordCommitment, canonicalJson, assertJsonValue } from 'saksi'
import type { JsonObject } from 'saksi'
import type { Secret } from './master-key.js'
import type { VaultBackend } from './vault-backend.js'
import { vaultError } from './vault-errors.js'

/** Largest personal record, as JCS bytes. */
export const MAX_RECORD_BYTES = 16 * 1024

/** What a deposit tells the depositor: enough to reference and commit to the record on the log. */
export interface DepositedRecord {
  ref: string
  subject: string
  /** `recordCommitment(salt, record)`: what goes on the log. */
  commitment: string
  /** The salt, base64: the person may keep it to prove later what they submitted. */
  salt: string
}

/** A record read back in clear. */
export interface OpenedRecord extends DepositedRecord {
  record: JsonObject
  createdAt: string
}

/** Options of {@link PersonalDataVault}. */
export interface VaultOptions {
  now?: () => Date
}

const GCM_NONCE = 12
const GCM_TAG = 16

function seal(key: Uint8Array, plain: Uint8Array, aad: string): Uint8Array {
  const nonce = randomBytes(GCM_NONCE)
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(Buffer.from(aad, 'utf8'))
  return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()])
}

function open(key: Uint8Array, sealed: Uint8Array, aad: string, what: Record<string, unknown>): Buffer {
  if (sealed.length < GCM_NONCE + GCM_TAG) throw vaultError('VAULT_CORRUPT', 'a sealed value is too short', what)
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, GCM_NONCE)).setAAD(Buffer.from(aad, 'utf8'))
    decipher.setAuthTag(sealed.subarray(sealed.length - GCM_TAG))
    return Buffer.concat([decipher.update(sealed.subarray(GCM_NONCE, sealed.length - GCM_TAG)), decipher.final()])
  } catch {
    throw vaultError('VAULT_CORRUPT', 'a sealed value does not decrypt (tampered, or another master key)', what)
  }
}

/**
 * The personal-data vault (DESIGN "Personal data"): each person (data subject) has their own random
 * AES-256 key, wrapped with the node's master key; each record is sealed with AES-256-GCM under the
 * subject's key, bound to its reference and subject (AAD), so rows cannot be swapped. The log holds
 * only a reference and a salted commitment. Erasure (UU PDP, Law 27/2022) deletes the subject's key
 * and records: the log stays intact and verifiable, the data is gone.
 */
export class PersonalDataVault {
  readonly #backend: VaultBackend
  readonly #master: Secret
  readonly #now: () => Date

  /**
   * @param backend where sealed rows live
   * @param master the 32-byte master key (see `loadSecret`)
   */
  constructor(backend: VaultBackend, master: Secret, options: VaultOptions = {}) {
    if (master.bytes.length !== 32) throw vaultError('VAULT_KEY_INVALID', 'the master key is 32 bytes')
    this.#backend = backend
    this.#master = master
    this.#now = options.now ?? (() => new Date())
  }

  /**
   * Stores records of a new person, or more records of an existing one, in one transaction.
   * @param records the personal records (JSON objects, at most 16 KiB each as JCS)
   * @param subject an existing subject's id; omitted: a new subject with a new key
   * @returns one deposit per record, in order
   * @throws `VAULT_RECORD_INVALID`, `VAULT_SUBJECT_NOT_FOUND`, `VAULT_SUBJECT_ERASED`
   */
  deposit(records: JsonObject[], subject?: string): DepositedRecord[] {
    if (records.length === 0) throw vaultError('VAULT_RECORD_INVALID', 'nothing to deposit')
    const texts = records.map((r, i) => recordText(r, i))
    const createdAt = this.#now().toISOString()
    let key: Uint8Array
    let newSubject
    if (subject === undefined) {
      subject = `subj_${randomBytes(16).toString('hex')}`
      key = randomBytes(32)
      newSubject = { id: subject, wrappedKey: seal(this.#master.bytes, key, `subject:${subject}`), masterKeyId: this.#master.id, createdAt }
    } else {
      key = this.#subjectKey(subject)
    }
    const out: DepositedRecord[] = []
    const rows = records.map((record, i) => {
      const ref = `pd_${randomBytes(16).toString('hex')}`
      const salt = randomBytes(COMMITMENT_SALT_BYTES)
      const plain = Buffer.from(`{"record":${texts[i]},"salt":"${salt.toString('base64')}"}`, 'utf8')
      out.push({ ref, subject: subject!, commitment: recordCommitment(salt, record), salt: salt.toString('base64') })
      return { ref, subject: subject!, sealed: seal(key, plain, `record:${ref}:${subject}`), createdAt }
    })
    this.#backend.deposit(newSubject, rows)
    key.fill(0)
    return out
  }

  /**
   * Opens one record. Callers decide who may read (the node logs every official's read on the
   * ledger first, DESIGN "Personal data").
   * @throws `VAULT_RECORD_NOT_FOUND`, `VAULT_SUBJECT_ERASED`, `VAULT_CORRUPT`
   */
  read(ref: string): OpenedRecord {
    const row = this.#backend.getRecord(ref)
    if (!row) {
      throw vaultError('VAULT_RECORD_NOT_FOUND', `no personal record ${ref}`, { ref })
    }
    const key = this.#subjectKey(row.subject)
    const plain = open(key, row.sealed, `record:${ref}:${row.subject}`, { ref })
    key.fill(0)
    const { record, salt } = JSON.parse(plain.toString('utf8')) as { record: JsonObject; salt: string }
    plain.fill(0)
    return { ref, subject: row.subject, record, salt, commitment: recordCommitment(Buffer.from(salt, 'base64'), record), createdAt: row.createdAt }
  }

  /**
   * The data subject a record belongs to, without opening it (erasure needs no read of the data).
   * @throws `VAULT_RECORD_NOT_FOUND`
   */
  subjectOf(ref: string): string {
    const row = this.#backend.getRecord(ref)
    if (!row) throw vaultError('VAULT_RECORD_NOT_FOUND', `no personal record ${ref}`, { ref })
    return row.subject
  }

  /** References of a subject's records, oldest first (empty once erased). */
  list(subject: string): string[] {
    return this.#backend.listRecords(subject)
  }

  /**
   * Erases a person: deletes their key and records. Idempotent in effect; tells whether it acted.
   * @returns the erasure time, or `undefined` if the subject was already erased
   * @throws `VAULT_SUBJECT_NOT_FOUND`
   */
  erase(subject: string): string | undefined {
    const s = this.#backend.getSubject(subject)
    if (!s) throw vaultError('VAULT_SUBJECT_NOT_FOUND', `no data subject ${subject}`, { subject })
    if ('erased' in s) return undefined
    const at = this.#now().toISOString()
    return this.#backend.eraseSubject(subject, at) ? at : undefined
  }

  /** Closes the backend. */
  close(): void {
    this.#backend.close()
  }

  #subjectKey(subject: string): Uint8Array {
    const s = this.#backend.getSubject(subject)
    if (!s) throw vaultError('VAULT_SUBJECT_NOT_FOUND', `no data subject ${subject}`, { subject })
    if ('erased' in s) throw vaultError('VAULT_SUBJECT_ERASED', `the data of ${subject} was erased on ${s.erased}`, { subject, erasedAt: s.erased })
    if (s.masterKeyId !== this.#master.id) throw vaultError('VAULT_CORRUPT', `subject ${subject} was wrapped by master key ${s.masterKeyId}, not ${this.#master.id}`, { subject })
    return open(this.#master.bytes, s.wrappedKey, `subject:${subject}`, { subject })
  }
}

function recordText(record: unknown, i: number): string {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw vaultError('VAULT_RECORD_INVALID', `record ${i} is not a JSON object`, { index: i })
  try {
    assertJsonValue(record)
  } catch (e) {
    throw vaultError('VAULT_RECORD_INVALID', `record ${i}: ${(e as Error).message}`, { index: i })
  }
  const text = canonicalJson(record as JsonObject)
  if (Buffer.byteLength(text) > MAX_RECORD_BYTES) throw vaultError('VAULT_RECORD_INVALID', `record ${i} is larger than ${MAX_RECORD_BYTES} bytes`, { index: i })
  return text
}
