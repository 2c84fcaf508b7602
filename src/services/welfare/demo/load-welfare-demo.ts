import { join } from 'node:path'
import type { JsonObject, Receipt } from 'saksi'
import { KeyPair } from 'saksi'
import { periodAt } from '../views/index.js'
import type { SaksiNode } from '../../../node/index.js'
import { CliError, bilingual, adminKeyPath, type DataDirPaths, readKeyFile, writeKeyFile, demoClient } from '../../../cli/index.js'
import type { DataServices } from '../../../cli/index.js'
import { demoHouseholds, type DemoHousehold } from './demo-households.js'
import { pkhProgramme } from './pkh-programme.js'
import { WELFARE_DEMO_WORDS as W } from './welfare-demo-words.js'

/** What the welfare demo did, for the summary `saksi demo` prints. */
export interface WelfareDemoSummary {
  programme: string
  period: string
  households: number
  eligible: number
  refused: number
  appeals: { granted: number; rejected: number }
  instructions: number
  paid: number
  total: number
  failedThenRetried: number
  transactions: number
}

const OFFICIALS = [
  { slug: 'dinsos-welfare-admin', roles: ['welfare.admin'] },
  { slug: 'dinsos-enumerator', roles: ['welfare.enumerator'] },
  { slug: 'dinsos-welfare-verifier', roles: ['welfare.verifier'] },
  { slug: 'dinsos-appeals', roles: ['welfare.appeals'] },
  { slug: 'dinsos-treasurer', roles: ['welfare.treasurer'] },
  { slug: 'dinsos-officer', roles: ['welfare.officer'] },
] as const

/**
 * Loads the welfare demo through signed transactions: Dinas Sosial appoints its welfare officials,
 * creates a PKH-like programme for the current quarter, registers `count` households (personal data
 * to the vault, a recorded NIK check, then keyed NIK hashes and commitments on the log) through a
 * field officer, verifies them
 * (some are refused, with reasons), some refused households appeal (some granted), the treasurer
 * runs the quarter's disbursement, the payment outbox pays through the simulated bank, refused
 * transfers are retried until the quarter is fully paid, and an official's read of one household's
 * data is recorded.
 * @throws CliError if the vault, the NIK secret or the payment outbox is missing, or a call is refused
 */
export async function loadWelfareDemo(node: SaksiNode, paths: DataDirPaths, services: DataServices, count = 240): Promise<WelfareDemoSummary> {
  const { vault, nik, outbox } = services
  if (!vault || !nik || !outbox) throw new CliError(bilingual(W, (w) => w.needsServices(paths.dir)))
  const client = demoClient(node)
  const must = (key: KeyPair, method: string, args: JsonObject, contract = 'welfare'): Promise<Receipt> => client.must(key, contract, method, args)

  const admin = (await readKeyFile(adminKeyPath(paths, 'dinsos'))).key
  const k = new Map<string, KeyPair>()
  for (const o of OFFICIALS) {
    const key = KeyPair.generate()
    await writeKeyFile(join(paths.keys, `${o.slug}.pem`), key)
    k.set(o.slug, key)
  }
  await Promise.all(OFFICIALS.map((o) => must(admin, 'addMember', { org: 'dinsos', did: k.get(o.slug)!.did, roles: [...o.roles] }, 'identity')))
  const key = (slug: (typeof OFFICIALS)[number]['slug']) => k.get(slug)!

  const now = new Date()
  const period = periodAt('quarter', now.toISOString())
  const programme = 'dinsos.pkh'
  await must(key('dinsos-welfare-admin'), 'createProgramme', pkhProgramme(programme, period))

  // Registration: personal data to the vault, the rest on the log; submitted in parallel batches.
  const families = demoHouseholds(count, now.getUTCFullYear())
  const ids: string[] = []
  // Each household's vault subject (its head's), for the appeals' accounts below.
  const subjects = new Map<string, string>()
  for (let i = 0; i < families.length; i += 40) {
    const batch = families.slice(i, i + 40)
    const receipts = await Promise.all(
      batch.map(async (h) => {
        const { args, refs, subject } = deposit(programme, h, services)
        // The NIKs are hashed only under a check recorded on the log, as the API does.
        await must(key('dinsos-enumerator'), 'recordNikCheck', { programme, purpose: 'registration', refs, note: 'Pendaftaran PKH oleh petugas lapangan' })
        const members = (args.members as JsonObject[]).map((m, i) => ({ ...m, nikHash: services.nik!.hash(h.members[i]!.nik) }))
        return { receipt: await must(key('dinsos-enumerator'), 'registerHousehold', { ...args, members }), subject }
      }),
    )
    for (const { receipt, subject } of receipts) {
      const household = (receipt.events[0]!.data as { household: string }).household
      ids.push(household)
      subjects.set(household, subject)
    }
  }
  const decided = await Promise.all(ids.map((household) => must(key('dinsos-welfare-verifier'), 'verifyHousehold', { programme, household, evidence: { method: 'dukcapil' } })))
  const refusal = (i: number) => decided[i]!.events.find((e) => e.type === 'welfare.Decided' && e.data.eligible === false)
  const refused = ids.filter((_, i) => refusal(i))
  // Some refused families appeal through the field officer. Two refused only on income get their
  // appeal granted (a field survey found the income fell); the others are rejected.
  const onIncome = ids.filter((_, i) => {
    const failed = refusal(i)?.data.failed as string[] | undefined
    return failed?.length === 1 && failed[0] === 'desil'
  })
  const grants = onIncome.slice(0, 2)
  const appealing = [...grants, ...refused.filter((h) => !grants.includes(h)).slice(0, 4)]
  for (const household of appealing) {
    // The family's account goes to the vault; the log gets its link and a short public statement.
    const [account] = services.vault!.deposit([{ appeal: 'Kepala keluarga baru kehilangan pekerjaan di pabrik garmen bulan lalu; penghasilan keluarga kini hanya dari berjualan sayur.', documents: ['surat keterangan PHK'] }], subjects.get(household))
    await must(key('dinsos-enumerator'), 'appeal', { programme, household, decision: 1, statement: 'Pendapatan keluarga turun sejak survei; mohon ditinjau ulang.', evidence: { ref: account!.ref, commitment: account!.commitment } })
  }
  await must(key('dinsos-officer'), 'recordAccess', { programme, household: appealing[0]!, purpose: 'appeal-review', note: 'Memeriksa slip gaji terakhir untuk banding' })
  for (const household of appealing) {
    const grant = grants.includes(household)
    await must(key('dinsos-appeals'), 'decideAppeal', {
      programme,
      household,
      decision: 1,
      outcome: grant ? 'granted' : 'rejected',
      reason: grant ? 'Survei lapangan: pendapatan keluarga turun ke desil 3.' : 'Data DTKS terbaru tetap menunjukkan keluarga tidak memenuhi kriteria.',
    })
  }
  const granted = grants.length

  // The quarter's disbursement, then the outbox pays; refused transfers are retried.
  const instructionIds: string[] = []
  for (;;) {
    const r = await must(key('dinsos-treasurer'), 'disburse', { programme, period })
    for (const e of r.events) if (e.type === 'welfare.PaymentRequested') instructionIds.push(e.data.instruction as string)
    if (r.events.some((e) => e.type === 'welfare.DisbursementProgress' && e.data.done === true)) break
  }
  const status = async (id: string) => ((await node.query('welfare', 'instruction', { programme, instruction: id })) as { status: string }).status
  /** The instructions whose status is `wanted`. */
  const withStatus = async (wanted: string) => {
    const now = await Promise.all(instructionIds.map(status))
    return instructionIds.filter((_, i) => now[i] === wanted)
  }
  const settled = async () => {
    for (let waited = 0; (await withStatus('instructed')).length > 0; waited += 50) {
      if (waited > 120_000) throw new CliError(bilingual(W, (w) => w.notSettled))
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  await settled()
  const failedOnce = (await withStatus('failed')).length
  for (let round = 0, failed = await withStatus('failed'); round < 8 && failed.length > 0; round++, failed = await withStatus('failed')) {
    await Promise.all(failed.map((instruction) => must(key('dinsos-treasurer'), 'retryPayment', { programme, instruction })))
    await settled()
  }
  const run = (await node.query('welfare', 'run', { programme, period })) as { total: number }
  return {
    programme,
    period,
    households: ids.length,
    eligible: ids.length - refused.length + granted,
    refused: refused.length - granted,
    appeals: { granted, rejected: appealing.length - granted },
    instructions: instructionIds.length,
    paid: (await withStatus('paid')).length,
    total: run.total,
    failedThenRetried: failedOnce,
    transactions: client.transactions,
  }
}

/**
 * A household's registration without its members' NIK hashes: each person's data into the vault,
 * references out, and the references of the records whose NIKs the registration needs hashed.
 */
function deposit(programme: string, h: DemoHousehold, services: DataServices): { args: JsonObject; refs: string[]; subject: string } {
  const vault = services.vault!
  const members = h.members.map((m) => {
    const [deposit] = vault.deposit([{ name: m.name, nik: m.nik, birthDate: m.birthDate }])
    return {
      relationship: m.relationship,
      birthMonth: m.birthDate.slice(0, 7),
      schoolLevel: m.schoolLevel,
      disability: m.disability,
      pregnant: m.pregnant,
      record: { ref: deposit!.ref, commitment: deposit!.commitment },
    }
  })
  const head = members[0]!
  const headSubject = vault.read(head.record.ref).subject
  const [household, consent] = vault.deposit(
    [
      { address: h.address, familyCard: h.familyCard, bankAccount: `BRI ${h.familyCard.slice(-10)}` },
      { consent: 'Cap jempol pada formulir persetujuan pengolahan data, disaksikan petugas', form: 'F-PKH-01' },
    ],
    headSubject,
  )
  const args = {
    programme,
    region: h.region,
    incomeDecile: h.incomeDecile,
    members,
    consent: { method: 'thumbprint', evidence: { ref: consent!.ref, commitment: consent!.commitment } },
    record: { ref: household!.ref, commitment: household!.commitment },
  }
  return { args, refs: members.map((m) => m.record.ref), subject: headSubject }
}
