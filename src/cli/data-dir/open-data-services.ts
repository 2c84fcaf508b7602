import { existsSync } from 'node:fs'
import { describeFollowerShutdown, fileCursor, FollowerSet, PaymentOutbox, SimulatedBank } from '../../node/index.js'
import type { LedgerNode } from '../../node/index.js'
import type { Contract, JsonObject } from 'saksi'
import type { SqliteRequestGuardStore } from '../../store/index.js'
import { loadSecret, NikHasher, PersonalDataVault, SqliteVaultBackend } from '../../store/index.js'
import { CliError } from '../cli-error.js'
import { readKeyFile } from '../key-file.js'
import { auditSchedule } from './audit-schedule.js'
import type { DataDirPaths } from './data-dir-paths.js'
import { DATA_DIR_WORDS as W } from './data-dir-words.js'
import { bilingual } from '../words/words.js'
import type { Language } from 'saksi/catalogue'

/** What runs beside the node of a data directory. */
export interface DataServices {
  /** The personal-data vault, when the directory has a master key (or `SAKSI_VAULT_KEY` is set). */
  vault?: PersonalDataVault
  /** Keyed NIK hashes, when the directory has the NIK secret (or `SAKSI_NIK_KEY` is set). */
  nik?: NikHasher
  /** Signed requests already used and daily quotas, in `requests.sqlite`: a restart forgets neither (opened and closed by the caller). */
  guards: SqliteRequestGuardStore
  /** The payment outbox, paying through the simulated bank, when the directory has a gateway key. */
  outbox?: PaymentOutbox
  bank?: SimulatedBank
  /** The node's followers of the log (the outbox, when there is one). */
  followers: FollowerSet
  /** Why a service is not running, for the operator. */
  warnings: string[]
  /**
   * Shuts the followers down (each reaches the head or the deadline, then saves its cursor) and
   * closes the vault and the bank. Call after the HTTP server stopped and before closing the node.
   * @returns lines for the operator about followers that did not finish (none normally)
   */
  close(): Promise<string[]>
}

/**
 * Opens the vault, the NIK hasher and the payment outbox of a data directory, each only if its key
 * is there (directories made before they existed still open, with a warning), beside the store of
 * used signed requests and quotas (`requests.sqlite`, opened by the caller, which the node also
 * counts failed calls in, and closed by the caller after the node). The outbox pays
 * through `SimulatedBank` with its books in `bank-sim.sqlite`: this version ships no connection to
 * a real bank. The outbox resumes from `outbox.json`. At shutdown the followers get
 * `SAKSI_FOLLOWER_DRAIN_MS` (default 5,000) to reach the head of the log. With `audit`, the
 * scheduled full audit follows too, every `SAKSI_AUDIT_INTERVAL_MINUTES` (see `auditSchedule`).
 * @throws CliError if `SAKSI_FOLLOWER_DRAIN_MS` or `SAKSI_AUDIT_INTERVAL_MINUTES` is not a number
 */
export async function openDataServices(paths: DataDirPaths, node: LedgerNode, guards: SqliteRequestGuardStore, env: NodeJS.ProcessEnv = process.env, audit?: { contracts: readonly Contract[]; genesis: JsonObject }, lang: Language = 'en'): Promise<DataServices> {
  const warnings: string[] = []
  const drainMs = env.SAKSI_FOLLOWER_DRAIN_MS?.trim() ? Number(env.SAKSI_FOLLOWER_DRAIN_MS) : 5_000
  if (!Number.isSafeInteger(drainMs) || drainMs < 0) throw new CliError(bilingual(W, (w) => w.drainMs(env.SAKSI_FOLLOWER_DRAIN_MS ?? '')))
  const followers = new FollowerSet({ log: node, drainMs })
  const services: DataServices = { warnings, followers, guards, close: async () => [] }
  if (existsSync(paths.vaultKey) || env.SAKSI_VAULT_KEY) services.vault = new PersonalDataVault(new SqliteVaultBackend(paths.vault), loadSecret(paths.vaultKey, 'SAKSI_VAULT_KEY', env))
  else warnings.push(W[lang].noVault(paths.vaultKey))
  if (existsSync(paths.nikKey) || env.SAKSI_NIK_KEY) services.nik = new NikHasher(loadSecret(paths.nikKey, 'SAKSI_NIK_KEY', env).bytes)
  else warnings.push(W[lang].noNik(paths.nikKey))
  if (existsSync(paths.gatewayKey)) {
    const { key } = await readKeyFile(paths.gatewayKey)
    services.bank = new SimulatedBank({ path: paths.bank, failureRate: Number(env.SAKSI_BANK_FAILURE_RATE ?? 0.05), delayMs: [20, 200] })
    services.outbox = new PaymentOutbox({ node, adapter: services.bank, key, cursor: fileCursor(paths.outbox) })
    followers.add(services.outbox)
  } else {
    warnings.push(W[lang].noGateway(paths.gatewayKey))
  }
  const auditor = audit && auditSchedule(paths, node, audit, env)
  if (auditor) followers.add(auditor)
  followers.start()
  services.close = async () => {
    const ended = await followers.shutdown()
    services.bank?.close()
    services.vault?.close()
    return describeFollowerShutdown(ended)
  }
  return services
}
