import { existsSync } from 'node:fs'
import type { SaksiNode } from '../../node/index.js'
import { fileCursor, PaymentOutbox, SimulatedBank } from '../../node/index.js'
import { loadSecret, NikHasher, PersonalDataVault, SqliteVaultBackend } from '../../store/index.js'
import { readKeyFile } from '../key-file.js'
import type { DataDirPaths } from './data-dir-paths.js'

/** What runs beside the node of a data directory. */
export interface DataServices {
  /** The personal-data vault, when the directory has a master key (or `SAKSI_VAULT_KEY` is set). */
  vault?: PersonalDataVault
  /** Keyed NIK hashes, when the directory has the NIK secret (or `SAKSI_NIK_KEY` is set). */
  nik?: NikHasher
  /** The payment outbox, paying through the simulated bank, when the directory has a gateway key. */
  outbox?: PaymentOutbox
  bank?: SimulatedBank
  /** Why a service is not running, for the operator. */
  warnings: string[]
  /** Stops the outbox and closes the vault and the bank (call before closing the node). */
  close(): Promise<void>
}

/**
 * Opens the vault, the NIK hasher and the payment outbox of a data directory, each only if its key
 * is there (directories made before they existed still open, with a warning). The outbox pays
 * through `SimulatedBank` with its books in `bank-sim.sqlite`: this version ships no connection to
 * a real bank. The outbox resumes from `outbox.json`.
 */
export async function openDataServices(paths: DataDirPaths, node: SaksiNode, env: NodeJS.ProcessEnv = process.env): Promise<DataServices> {
  const warnings: string[] = []
  const services: DataServices = { warnings, close: async () => undefined }
  if (existsSync(paths.vaultKey) || env.SAKSI_VAULT_KEY) services.vault = new PersonalDataVault(new SqliteVaultBackend(paths.vault), loadSecret(paths.vaultKey, 'SAKSI_VAULT_KEY', env))
  else warnings.push(`no vault key (${paths.vaultKey} or SAKSI_VAULT_KEY): personal data cannot be stored`)
  if (existsSync(paths.nikKey) || env.SAKSI_NIK_KEY) services.nik = new NikHasher(loadSecret(paths.nikKey, 'SAKSI_NIK_KEY', env).bytes)
  else warnings.push(`no NIK secret (${paths.nikKey} or SAKSI_NIK_KEY): NIKs cannot be hashed`)
  if (existsSync(paths.gatewayKey)) {
    const { key } = await readKeyFile(paths.gatewayKey)
    services.bank = new SimulatedBank({ path: paths.bank, failureRate: Number(env.SAKSI_BANK_FAILURE_RATE ?? 0.05), delayMs: [20, 200] })
    services.outbox = new PaymentOutbox({ node, adapter: services.bank, key, cursor: fileCursor(paths.outbox) })
    services.outbox.start()
  } else {
    warnings.push(`no payment service key (${paths.gatewayKey}): payment instructions wait unpaid`)
  }
  services.close = async () => {
    await services.outbox?.stop()
    services.bank?.close()
    services.vault?.close()
  }
  return services
}
