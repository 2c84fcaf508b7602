import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { bufferIo } from '../cli-io.js'
import { createClient } from '../../../packages/saksi/src/client/create-client.js'
import { signIn } from '../../../packages/saksi/src/client/actions/sign-in.js'
import { runSaksi as runCli } from '../../saksi.js'
import { ocdsValidators } from '../../services/procurement/views/ocds/testing/ocds-schema-validator.js'
import { sharedTestdata } from '../../../test/support/shared-testdata.js'

const validate = ocdsValidators(sharedTestdata('ocds-1.1.5') + '/')

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksi-demo-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Runs `saksi demo` in-process until it serves, calls `whileServing` with its URL, then stops it. */
let io_out: () => string = () => ''

async function demo(dir: string, whileServing: (url: string) => Promise<void>) {
  const io = bufferIo()
  io_out = () => io.stdout()
  const stop = new AbortController()
  const done = runCli(['demo', '--data', dir, '--port', '0'], io, { stop: stop.signal })
  let url: string | undefined
  for (let i = 0; i < 1800 && !url; i++) {
    url = /listening on (http:\/\/\S+)/.exec(io.stdout())?.[1]
    if (!url) await Promise.race([new Promise((r) => setTimeout(r, 50)), done])
  }
  if (!url) throw new Error(`saksi demo did not start: ${io.stdout()} ${io.stderr()}`)
  try {
    await whileServing(url)
  } finally {
    stop.abort()
  }
  return { code: await done, out: io.stdout(), err: io.stderr() }
}

describe('saksi demo', () => {
  it('creates the network, loads the demo through signed transactions once, and serves it', async () => {
    const dir = join(root, 'demo')
    const first = await demo(dir, async (url) => {
      const siti = KeyPair.fromPem(await readFile(join(dir, 'keys', 'warga', 'siti-rahayu.pem'), 'utf8'))
      const res = await fetch(`${url}/v1/contracts/identity/queries/get?did=${siti.did}`)
      // No citizen's name on the log: identity.register's name is a public label, and the demo sends none.
      const record = (await res.json()) as Record<string, unknown>
      expect(record).toMatchObject({ status: 'verified' })
      expect(record.name).toBeUndefined()
      // The welfare demo: a fully paid quarter, public figures per kelurahan.
      const period = /(\d{4}-Q[1-4]): \d+ payments instructed/.exec(io_out())?.[1]
      const stats = (await (await fetch(`${url}/v1/contracts/welfare/queries/stats?programme=dinsos.pkh&period=${period}`)).json()) as { totals: Record<string, number>; regions: unknown[] }
      expect(stats.totals.instructedHouseholds).toBeGreaterThan(150)
      expect(stats.totals.paidHouseholds).toBe(stats.totals.instructedHouseholds)
      expect(stats.totals.paidAmount).toBe(stats.totals.instructedAmount)
      expect(stats.regions).toHaveLength(6)
      // Each household's NIKs were hashed under a check recorded on the log by the field officer
      // (the work list and the checks name households: an official's session reads them).
      const officer = KeyPair.fromPem(await readFile(join(dir, 'keys', 'dinsos-officer.pem'), 'utf8'))
      const { token } = await signIn(createClient({ url }), { key: officer, network: 'kota-contoh' })
      const authorization = { authorization: `Bearer ${token}` }
      const [hh] = (await (await fetch(`${url}/v1/contracts/welfare/queries/households?programme=dinsos.pkh&status=eligible&limit=1`, { headers: authorization })).json()) as string[]
      const checks = (await (await fetch(`${url}/v1/contracts/welfare/queries/nikChecks?programme=dinsos.pkh&household=${hh}`, { headers: authorization })).json()) as { purpose: string }[]
      expect(checks).toEqual([expect.objectContaining({ purpose: 'registration' })])
      // The procurement demo: awarded by the criteria, delivered in two tracked shipments, paid, consistent.
      const P = 'pertamanan.bangku-taman-2026'
      const view = (await (await fetch(`${url}/v1/procurement/processes/${P}`)).json()) as { process: { award: { supplier: string; unrevealed: string[] }; order: { milestones: { status: string }[] } }; payments: { status: string }[]; disputes: { status: string }[] }
      expect(view.process.award).toMatchObject({ supplier: 'mebel-jaya', unrevealed: ['sentosa'] })
      expect(view.process.order.milestones.map((m) => m.status)).toEqual(['partiallyMet', 'met'])
      expect(view.payments.filter((p) => p.status !== 'cancelled').every((p) => p.status === 'paid')).toBe(true)
      expect(view.disputes).toEqual([expect.objectContaining({ status: 'resolved' })])
      expect(await (await fetch(`${url}/v1/procurement/processes/${P}/consistency`)).json()).toMatchObject({ ok: true })
      const trail = await fetch(`${url}/v1/procurement/processes/${P}/shipments/kirim-1/trail`)
      expect(await trail.text()).toContain('Cirebon')
      const releases = await (await fetch(`${url}/v1/procurement/ocds/releases`)).json()
      expect(validate.releasePackage(releases), JSON.stringify(validate.releasePackage.errors)).toBe(true)
    })
    expect(first.code).toBe(0)
    expect(first.out).toContain('Created network kota-contoh')
    expect(first.out).toContain('Loaded the demo through 22 signed transactions')
    expect(first.out).toMatch(/identity\.addMember +admin dukcapil/)
    expect(first.out).toMatch(/identity\.register +Siti Rahayu +failed IDENTITY_EXISTS/)
    expect(first.out).toMatch(/Welfare: programme dinsos\.pkh, 240 households/)
    expect(first.out).toMatch(/appeals: 2 granted, 4 rejected/)
    expect(first.out).toMatch(/(\d+) payments instructed, \1 paid/)
    expect(first.out).toMatch(/sentosa's late reveal refused at the door, never logged \(PROCUREMENT_REVEAL_LATE\)/)
    expect(first.out).toMatch(/awarded to mebel-jaya by the published criteria/)
    expect(first.out).toMatch(/(\d+) of \1 payments made/)
    // Names, NIKs and addresses went to the vault, encrypted: none of them is in either file.
    const ledger = await readFile(join(dir, 'ledger.sqlite'))
    const vault = await readFile(join(dir, 'vault.sqlite'))
    for (const clear of ['Simanjuntak', 'Nasution', 'Kel. ', 'Jl. ', 'RT 0']) {
      expect(ledger.includes(Buffer.from(clear)), clear).toBe(false)
      expect(vault.includes(Buffer.from(clear)), clear).toBe(false)
    }

    const second = await demo(dir, async () => undefined)
    expect(second.code).toBe(0)
    expect(second.out).toMatch(/already holds \d+ entries; not loading the demo again/)

    const io = bufferIo()
    expect(await runCli(['verify', '--data', dir, '--workers', '0'], io)).toBe(0)
  }, 180_000)
})
