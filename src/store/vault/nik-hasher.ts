import { createHmac, createSecretKey, type KeyObject } from 'node:crypto'
import { vaultError } from './vault-errors.js'

const NIK = /^\d{16}$/

/**
 * Keyed hashes of NIKs (DESIGN "Personal data"): HMAC-SHA256 with a network secret over
 * `saksi/nik/v1\n` ‖ NIK, in base64 (the form `identity.verifyCitizen` evidence takes). A NIK has
 * too little entropy for a plain hash (anyone could hash every possible NIK); without the secret
 * the keyed hash reveals nothing, and every node of the network that holds the secret computes the
 * same value, so duplicates are still found.
 */
export class NikHasher {
  readonly #key: KeyObject

  /** @param secret the network's 32-byte NIK secret */
  constructor(secret: Uint8Array) {
    if (secret.length !== 32) throw vaultError('VAULT_KEY_INVALID', 'the NIK secret is 32 bytes')
    this.#key = createSecretKey(secret)
  }

  /**
   * @param nik 16 digits
   * @returns the base64 of the 32-byte HMAC
   * @throws ValidationError `VAULT_NIK_INVALID` if `nik` is not 16 digits (the message never repeats it)
   */
  hash(nik: string): string {
    if (typeof nik !== 'string' || !NIK.test(nik)) throw vaultError('VAULT_NIK_INVALID')
    return createHmac('sha256', this.#key).update(`saksi/nik/v1\n${nik}`).digest('base64')
  }
}
