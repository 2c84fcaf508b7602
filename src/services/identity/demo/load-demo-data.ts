import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { JsonObject, Receipt } from 'saksi'
import { isSaksiError, KeyPair, signTx } from 'saksi'
import type { SaksiNode } from '../../../node/index.js'
import { CliError, bilingual, type Bilingual, adminKeyPath, type DataDirPaths, DATA_DIR_MODE, readKeyFile, writeKeyFile } from '../../../cli/index.js'
import { DEMO_CITIZENS, DEMO_OFFICIALS } from './demo-people.js'
import { IDENTITY_DEMO_WORDS as W } from './identity-demo-words.js'

/** One demo transaction and how it ended. */
export interface DemoStep {
  /** Who signed it, in both languages. */
  who: Bilingual
  call: string
  receipt: Receipt
}

// A key kept in the data directory, so that the demo's people can go on signing with `saksi tx`.
async function demoKey(path: string): Promise<KeyPair> {
  try {
    return (await readKeyFile(path)).key
  } catch {
    const key = KeyPair.generate()
    await writeKeyFile(path, key)
    return key
  }
}

/**
 * Loads the demo through signed transactions submitted to the node, as any client would: the
 * Dukcapil and Dinas Sosial admins appoint a verifier each (`identity.addMember`), a dozen
 * citizens register, the verifiers verify seven of them, and one citizen registers twice (the
 * second attempt is committed as failed with `IDENTITY_EXISTS`: failure is recorded too).
 * Keys are written to `keys/<org>-verifier.pem` and `keys/warga/<name>.pem`.
 * @param node the open node (its log should be empty: the caller decides)
 * @param paths the data directory
 * @returns every step with its receipt, in log order
 * @throws CliError if the network lacks the dukcapil or dinsos organisation, or the node refuses a transaction
 */
export async function loadDemoData(node: SaksiNode, paths: DataDirPaths): Promise<DemoStep[]> {
  const network = node.info().network
  const wargaDir = join(paths.keys, 'warga')
  await mkdir(wargaDir, { recursive: true, mode: DATA_DIR_MODE })
  const admins = new Map<string, KeyPair>()
  for (const o of DEMO_OFFICIALS) {
    try {
      admins.set(o.org, (await readKeyFile(adminKeyPath(paths, o.org))).key)
    } catch (e) {
      throw new CliError(bilingual(W, (w) => w.needsOrg(o.org, (e as Error).message)))
    }
  }
  const officials = new Map<string, KeyPair>()
  for (const o of DEMO_OFFICIALS) officials.set(o.org, await demoKey(join(paths.keys, `${o.slug}.pem`)))
  const citizens = await Promise.all(DEMO_CITIZENS.map(async (c) => ({ ...c, key: await demoKey(join(wargaDir, `${c.slug}.pem`)) })))

  const steps: DemoStep[] = []
  const run = async (batch: { who: Bilingual; key: KeyPair; method: string; args: JsonObject }[]): Promise<void> => {
    // Submitted together (one block, usually); the next batch depends on these being committed.
    const receipts = await Promise.all(batch.map((b) => submitAndWait(node, signTx({ network, contract: 'identity', method: b.method, args: b.args }, b.key).envelope)))
    batch.forEach((b, i) => steps.push({ who: b.who, call: `identity.${b.method}`, receipt: receipts[i]! }))
  }
  await run([
    ...DEMO_OFFICIALS.map((o) => ({ who: bilingual(W, (w) => w.admin(o.org)), key: admins.get(o.org)!, method: 'addMember', args: { org: o.org, did: officials.get(o.org)!.did, roles: [...o.roles] } })),
    // A citizen's name never goes on the log (identity.register's name is a public label at most):
    // the demo shows it in its own output only; the welfare demo puts names in the vault.
    ...citizens.map((c) => ({ who: { id: c.name, en: c.name }, key: c.key, method: 'register', args: {} })),
  ])
  const first = citizens[0]!
  await run([
    ...citizens
      .filter((c) => c.verifiedBy)
      .map((c) => ({ who: bilingual(W, (w) => w.verifier(c.verifiedBy!, c.name)), key: officials.get(c.verifiedBy!)!, method: 'verifyCitizen', args: { did: c.key.did, evidence: { method: c.method! } } })),
    { who: { id: first.name, en: first.name }, key: first.key, method: 'register', args: {} },
  ])
  return steps.sort((a, b) => a.receipt.index - b.receipt.index)
}

async function submitAndWait(node: SaksiNode, envelope: object): Promise<Receipt> {
  let txId: string
  try {
    txId = (await node.submit(JSON.stringify(envelope))).txId
  } catch (e) {
    throw new CliError(bilingual(W, (w) => w.refused(isSaksiError(e) ? `${e.code}: ${e.message}` : String(e))))
  }
  const receipt = await node.waitForReceipt(txId, 30_000)
  if (!receipt) throw new CliError(bilingual(W, (w) => w.notCommitted(txId)))
  return receipt
}
