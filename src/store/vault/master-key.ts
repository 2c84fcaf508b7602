import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { vaultError } from './vault-errors.js'

/** A 32-byte secret read from a file or an environment variable (base64). */
export interface Secret {
  bytes: Uint8Array
  /** First 8 hex digits of SHA-256 of the secret: names it without revealing it. */
  id: string
}

function decode(text: string, where: string): Secret {
  const bytes = Buffer.from(text.trim(), 'base64')
  if (bytes.length !== 32 || bytes.toString('base64') !== text.trim()) throw vaultError('VAULT_KEY_INVALID', `${where} must hold 32 bytes in base64`)
  return { bytes: new Uint8Array(bytes), id: createHash('sha256').update(bytes).digest('hex').slice(0, 8) }
}

/**
 * Loads a 32-byte secret (the vault master key, the NIK secret): from the environment variable if
 * it is set (production: injected by the platform's secret manager), else from the file.
 * @param file the key file (base64, one line)
 * @param envName the environment variable that overrides it
 * @returns the secret
 * @throws StorageError `VAULT_KEY_INVALID` if neither holds a valid key
 */
export function loadSecret(file: string, envName: string, env: NodeJS.ProcessEnv = process.env): Secret {
  const fromEnv = env[envName]
  if (fromEnv !== undefined && fromEnv !== '') return decode(fromEnv, envName)
  if (!existsSync(file)) throw vaultError('VAULT_KEY_INVALID', `no ${envName} and no key file at ${file}`)
  return decode(readFileSync(file, 'utf8'), file)
}

/**
 * Writes a new random 32-byte secret to `file`, readable only by its owner (mode 0600). Refuses to
 * overwrite: a lost vault key is lost personal data.
 * @param file where to write
 * @returns the secret's id
 */
export function createSecretFile(file: string): string {
  const bytes = randomBytes(32)
  writeFileSync(file, `${bytes.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8)
}
