import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../../../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../../../packages/saksi/src/core/tx/sign-tx.js'
import { periodAt } from '../contract/periods.js'
import { pkhRules } from '../contract/pkh-example.js'
import { bufferIo } from '../../../cli/cli-io.js'
import { writeKeyFile } from '../../../cli/key-file.js'
import { runSaksi as runCli } from '../../../saksi.js'
import { serveTestNode, type TestNode } from '../../../cli/testing/serve-test-node.js'
import { createClient } from '../../../../packages/saksi/src/client/create-client.js'
import { signIn } from '../../../../packages/saksi/src/client/actions/sign-in.js'

let node: TestNode
let root: string
let url: string
const enumerator = KeyPair.generate()

beforeAll(async () => {
  node = await serveTestNode('saksi-import-')
  ;({ root, url } = node)
  const admin = KeyPair.fromPem(await readFile(join(node.dir, 'keys', 'dinsos-admin.pem'), 'utf8'))
  expect(await node.call(admin, 'identity', 'addMember', { org: 'dinsos', did: enumerator.did, roles: ['welfare.enumerator', 'welfare.admin'] })).toMatchObject({ status: 'ok' })
  const period = periodAt('quarter', new Date().toISOString())
  expect(await node.call(enumerator, 'welfare', 'createProgramme', { programme: 'dinsos.pkh', name: 'PKH', periodKind: 'quarter', regions: ['32.73'], rules: pkhRules(period) })).toMatchObject({ status: 'ok' })
  await writeKeyFile(join(root, 'enumerator.pem'), enumerator)
}, 60_000)

afterAll(() => node.close())

describe('saksi welfare import', () => {
  it('registers the valid households, reports every reject by row, and keeps names and NIKs off the log', async () => {
    const file = join(root, 'households.csv')
    await writeFile(
      file,
      [
        'household,region,income_decile,relationship,name,nik,birth_date,school_level,disability,pregnant,address,consent',
        'KK1,32.73.01.1001,3,head,Siti Aminah,3273014501900001,1990-01-05,none,none,tidak,Jl. Melati No. 3,thumbprint',
        'KK1,,,child,Rizky Aminah,3273011203150002,2015-03-12,sd,none,tidak,,',
        'KK2,32.73.02.1001,2,head,Budi Hartanto,3273020101800003,1980-01-01,none,none,tidak,Gg. Mawar 1,signature-on-paper',
        'KK3,32.73.01.1001,3,head,Dedi,12345,1980-01-01,none,none,tidak,Jl. C,thumbprint',
        // Rizky again, in another family: the contract refuses the duplicate beneficiary.
        'KK4,32.73.01.1002,2,head,Eko Saputra,3273010101750004,1975-01-01,none,none,tidak,Jl. D,thumbprint',
        'KK4,,,child,Rizky Aminah,3273011203150002,2015-03-12,sd,none,tidak,,',
        'KK5,32.74.01.1001,2,head,Fajar,3274010101750005,1975-01-01,none,none,tidak,Jl. E,thumbprint',
      ].join('\n'),
    )
    const io = bufferIo()
    const code = await runCli(['welfare', 'import', '--key', join(root, 'enumerator.pem'), '--programme', 'dinsos.pkh', '--node', url, '--concurrency', '1', file], io)
    expect(code).toBe(1)
    expect(io.stdout()).toContain('2 households registered, 3 rejected')
    const report = (await readFile(`${file}.report.csv`, 'utf8')).trim().split('\n')
    expect(report[0]).toBe('row,household,status,id,code,message')
    expect(report.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      expect.stringMatching(/^2,KK1,registered,hh-[0-9a-f]{20},$/),
      expect.stringMatching(/^4,KK2,registered,hh-[0-9a-f]{20},$/),
      '5,KK3,rejected,,ROW_INVALID',
      '6,KK4,rejected,,WELFARE_DUPLICATE_BENEFICIARY',
      '8,KK5,rejected,,WELFARE_REGION_NOT_SERVED',
    ])
    // Every household's NIKs were hashed under a check on the log; a registered household is the one each served.
    const session = await signIn(createClient({ url }), { key: enumerator, network: 'kota-contoh' })
    const checks = (await (await fetch(`${url}/v1/contracts/welfare/queries/nikChecksBy?programme=dinsos.pkh&did=${encodeURIComponent(enumerator.did)}`, { headers: { authorization: `Bearer ${session.token}` } })).json()) as { purpose: string; refs: string[]; served: string | null }[]
    const registered = report.slice(1, 3).map((l) => l.split(',')[3])
    // The checks of a batch are in flight together: in any order.
    expect(checks).toHaveLength(4)
    expect(checks.map((c) => [c.purpose, c.refs.length, c.served])).toEqual(
      expect.arrayContaining([
        ['registration', 2, registered[0]],
        ['registration', 1, registered[1]],
        ['registration', 2, null],
        ['registration', 1, null],
      ]),
    )
    // The node is still running: recent pages are in the write-ahead log, so read both files.
    const ledger = Buffer.concat([await readFile(join(root, 'kota', 'ledger.sqlite')), await readFile(join(root, 'kota', 'ledger.sqlite-wal')).catch(() => Buffer.alloc(0))])
    expect(ledger.includes(Buffer.from('dinsos.pkh'))).toBe(true)
    for (const clear of ['Siti Aminah', 'Rizky', '3273014501900001', 'Melati']) expect(ledger.includes(Buffer.from(clear)), clear).toBe(false)
  })

  it("erases a person's data: the log keeps the references, the vault can no longer open them", async () => {
    const report = (await readFile(join(root, 'households.csv.report.csv'), 'utf8')).trim().split('\n')
    const household = report[1]!.split(',')[3]!
    // The trail names who did what to the household: a field officer's session reads it.
    const { token } = await signIn(createClient({ url }), { key: enumerator, network: 'kota-contoh' })
    const trail = (await (await fetch(`${url}/v1/welfare/programmes/dinsos.pkh/households/${household}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { household: { members: { record: { ref: string } }[] } }
    const headRef = trail.household.members[0]!.record.ref
    const childRef = trail.household.members[1]!.record.ref
    const io = bufferIo()
    expect(await runCli(['welfare', 'erase', '--data', join(root, 'kota'), '--ref', headRef], io)).toBe(0)
    expect(io.stdout()).toMatch(/erased data subject subj_[0-9a-f]{32} \(3 records\)/)
    const read = await fetch(`${url}/v1/welfare/personal-data/read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signTx({ network: 'kota-contoh', contract: 'welfare', method: 'recordAccess', args: { programme: 'dinsos.pkh', household, purpose: 'audit', note: 'after erasure' } }, enumerator).envelope),
    })
    const body = (await read.json()) as { records: { ref: string; record?: { name?: string }; unavailable?: string }[] }
    expect(body.records.find((r) => r.ref === headRef)).toEqual({ ref: headRef, unavailable: 'VAULT_RECORD_NOT_FOUND' })
    expect(body.records.find((r) => r.ref === childRef)?.record?.name).toBe('Rizky Aminah')
    const again = bufferIo()
    expect(await runCli(['welfare', 'erase', '--data', join(root, 'kota'), '--ref', headRef], again)).toBe(2)
    expect(again.stderr()).toContain('VAULT_RECORD_NOT_FOUND')
  })

  it('refuses a file without the columns it needs, before contacting the node', async () => {
    const file = join(root, 'bad.csv')
    await writeFile(file, 'household,name\nKK1,Siti\n')
    const io = bufferIo()
    expect(await runCli(['welfare', 'import', '--key', join(root, 'enumerator.pem'), '--programme', 'dinsos.pkh', '--node', 'http://127.0.0.1:9', file], io)).toBe(2)
    expect(io.stderr()).toMatch(/lacks region/)
  })
})
