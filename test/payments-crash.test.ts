import type { ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import type { JsonObject } from '../packages/saksi/src/core/encoding/json.js'
import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../packages/saksi/src/core/tx/sign-tx.js'
import { signIn } from '../packages/saksi/src/client/actions/sign-in.js'
import { createClient } from '../packages/saksi/src/client/create-client.js'
import { periodAt } from '../src/services/welfare/contract/periods.js'
import { pkhRules } from '../src/services/welfare/contract/pkh-example.js'
import { head, householdArgs, member } from '../src/services/welfare/contract/testing/welfare-fixture.js'
import { bufferIo } from '../src/cli/cli-io.js'
import { startNodeProcess } from './support/start-node.js'
import { runSaksi as runCli } from '../src/saksi.js'

// Issue "Social welfare programmes", bad input: a crash in the middle of a disbursement run loses
// nothing and pays nobody twice; a restarted node resumes the outbox. The node (with its payment
// outbox and the simulated bank, whose books are a file beside the ledger) runs as a real process
// and is killed with SIGKILL while payments are under way, twice.

const children: ChildProcess[] = []
let root = ''

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  if (root) await rm(root, { recursive: true, force: true })
})

// No bank refusals: every instruction must end paid, so that "paid once" is exact.
const start = (dir: string) => startNodeProcess(dir, children, { SAKSI_BANK_FAILURE_RATE: '0' })

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGKILL')
  await exited
}

describe('a disbursement run under SIGKILL', () => {
  it('pays every instruction exactly once across two kills while paying, and passes saksi verify', async () => {
    root = await mkdtemp(join(tmpdir(), 'saksi-paycrash-'))
    const dir = join(root, 'kota')
    expect(await runCli(['init', '--data', dir], bufferIo())).toBe(0)
    const admin = KeyPair.fromPem(await readFile(join(dir, 'keys', 'dinsos-admin.pem'), 'utf8'))
    const official = KeyPair.generate()
    let { child, url } = await start(dir)
    const call = async (key: KeyPair, contract: string, method: string, args: JsonObject) => {
      const env = signTx({ network: 'kota-contoh', contract, method, args }, key).envelope
      const res = await fetch(`${url}/v1/tx?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env) })
      const r = (await res.json()) as { status: string; code?: string; events: { type: string; data: Record<string, unknown> }[] }
      expect(r.status, `${method}: ${r.code ?? ''}`).toBe('ok')
      return r
    }
    const roles = ['welfare.admin', 'welfare.enumerator', 'welfare.verifier', 'welfare.treasurer']
    await call(admin, 'identity', 'addMember', { org: 'dinsos', did: official.did, roles })
    const period = periodAt('quarter', new Date().toISOString())
    await call(official, 'welfare', 'createProgramme', { programme: 'dinsos.pkh', name: 'PKH', periodKind: 'quarter', regions: ['32.73'], rules: pkhRules(period) })
    const households = await Promise.all(
      Array.from({ length: 60 }, async () => {
        const r = await call(official, 'welfare', 'registerHousehold', householdArgs('dinsos.pkh', [head(), member({ schoolLevel: 'sma', birthMonth: '2009-05' })]))
        const household = r.events[0]!.data.household as string
        await call(official, 'welfare', 'verifyHousehold', { programme: 'dinsos.pkh', household, evidence: { method: 'dukcapil' } })
        return household
      }),
    )
    const run = await call(official, 'welfare', 'disburse', { programme: 'dinsos.pkh', period })
    const instructions = run.events.filter((e) => e.type === 'welfare.PaymentRequested').map((e) => e.data.instruction as string)
    expect(instructions).toHaveLength(households.length)

    // A payment instruction names its household: read by the official, with a session per node process.
    const tokens = new Map<number | undefined, Promise<string>>()
    const tokenOf = (): Promise<string> => {
      if (!tokens.has(child.pid)) tokens.set(child.pid, signIn(createClient({ url }), { key: official, network: 'kota-contoh' }).then((s) => s.token))
      return tokens.get(child.pid)!
    }
    const statusOf = async (id: string) =>
      ((await (await fetch(`${url}/v1/contracts/welfare/queries/instruction?programme=dinsos.pkh&instruction=${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${await tokenOf()}` } })).json()) as { status: string }).status
    // The outbox is paying (the simulated bank takes 20-200 ms a call): kill, restart, kill again.
    const paidAtKill: number[] = []
    for (const wait of [100, 300]) {
      await new Promise((r) => setTimeout(r, wait))
      paidAtKill.push((await Promise.all(instructions.map(statusOf))).filter((s) => s === 'paid').length)
      await kill(child)
      ;({ child, url } = await start(dir))
    }
    // The first kill came while payments were under way, not after.
    expect(paidAtKill[0]).toBeLessThan(60)
    for (let i = 0; i < 300; i++) {
      const statuses = await Promise.all(instructions.map(statusOf))
      if (statuses.every((s) => s === 'paid')) break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(await Promise.all(instructions.map(statusOf))).toEqual(instructions.map(() => 'paid'))
    await kill(child)

    // The bank's books: one transfer per instruction, the run's total, nothing twice.
    const bank = new Database(join(dir, 'bank-sim.sqlite'), { readonly: true })
    const books = bank.prepare<{ n: number; total: number; keys: number }>('SELECT count(*) AS n, sum(amount) AS total, count(DISTINCT idempotency_key) AS keys FROM transfer').get()!
    bank.close()
    expect(books).toEqual({ n: 60, total: 60 * 500_000, keys: 60 })

    const verify = bufferIo()
    expect(await runCli(['verify', '--data', dir], verify)).toBe(0)
  }, 120_000)
})
