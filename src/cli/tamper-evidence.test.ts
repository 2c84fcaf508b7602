import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bufferIo } from './cli-io.js'
import { initNetwork } from './data-dir/init-network.js'
import { runSaksi as runCli } from '../saksi.js'
import { commitTestBlocks, type TestLedgerPeople } from './testing/commit-blocks.js'
import { serviceContracts } from '../services/registry.js'

// Issue 3, point 8: one changed byte in a stored entry, a state value, a block header or a
// checkpoint, written straight into the SQLite file, and `saksi verify --data` names it.

let root: string
let original: string
let people: TestLedgerPeople
let budi: number

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksi-tamper-'))
  original = join(root, 'original')
  await initNetwork({ dir: original, contracts: serviceContracts() })
  const committed = await commitTestBlocks(original)
  people = committed
  budi = committed.receipts.find((r) => r.events[0]?.data.name === 'Budi Santoso')!.index
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

async function verify(dir: string) {
  const io = bufferIo()
  const code = await runCli(['verify', '--data', dir, '--workers', '0'], io)
  return { code, out: io.stdout(), err: io.stderr() }
}

/** Copies the untouched directory and changes one byte of one column of one row in its store. */
async function tampered(name: string, table: string, column: string, where: string, params: unknown[], pick: (bytes: Buffer) => number): Promise<string> {
  const dir = join(root, name)
  await cp(original, dir, { recursive: true })
  const db = new Database(join(dir, 'ledger.sqlite'))
  try {
    const row = db.prepare(`SELECT ${column} AS v FROM ${table} WHERE ${where}`).get(...params) as { v: string | Uint8Array } | undefined
    if (!row) throw new Error(`no row in ${table} where ${where}`)
    const isText = typeof row.v === 'string'
    const bytes = Buffer.from(isText ? Buffer.from(row.v as string, 'utf8') : (row.v as Uint8Array))
    const at = pick(bytes)
    bytes[at] = bytes[at]! ^ 0x01
    const changed = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${where}`).run(isText ? bytes.toString('utf8') : bytes, ...params)
    expect(changed.changes).toBe(1)
  } finally {
    db.close()
  }
  return dir
}

function at(text: string): (bytes: Buffer) => number {
  return (bytes) => {
    const i = bytes.indexOf(text)
    if (i < 0) throw new Error(`${text} is not in the value`)
    return i
  }
}

describe('saksi verify --data', () => {
  it('passes the untouched directory', async () => {
    const r = await verify(original)
    expect(r.out).toContain('verified kota-contoh')
    expect(r.out).toMatch(/state +\d+ keys equal/)
    expect(r.code).toBe(0)
  })

  describe('when one byte of a stored entry changed', () => {
    it('exits 1 naming the entry whose signed transaction no longer matches its id', async () => {
      // "Budi" becomes "Cudi" in the arguments of Budi's signed transaction (JCS puts tx last).
      const dir = await tampered('entry-tx', 'entries', 'bytes', 'idx = ?', [budi], (b) => b.lastIndexOf('Budi'))
      const r = await verify(dir)
      expect(r.code).toBe(1)
      expect(r.out).toMatch(new RegExp(`^verify FAILED at entry ${budi}: ENTRY_TXID_MISMATCH`))
    })

    it('exits 1 naming the entry whose recorded result re-execution does not give', async () => {
      // "Budi" becomes "Cudi" in the event the contract emitted (result comes before tx in JCS).
      const dir = await tampered('entry-result', 'entries', 'bytes', 'idx = ?', [budi], at('Budi'))
      const r = await verify(dir)
      expect(r.code).toBe(1)
      expect(r.out).toContain(`verify FAILED at entry ${budi}: AUDIT_REEXECUTION_MISMATCH: result.events[0].data.name is "Cudi Santoso", re-execution gives "Budi Santoso"`)
    })
  })

  describe('when one byte of a state value changed', () => {
    it('exits 1 naming the state key', async () => {
      const key = `citizen/${people.citizens[2]!.did}`
      const dir = await tampered('state', 'state', 'value', 'contract = ? AND key = ?', ['identity', key], at('Dewi'))
      const r = await verify(dir)
      expect(r.code).toBe(1)
      expect(r.out).toContain(`verify FAILED at state identity/${key}: AUDIT_STATE_VALUE_MISMATCH`)
    })
  })

  describe('when one byte of a block header changed', () => {
    it('exits 1 naming the block', async () => {
      // The block's time moves by a millisecond: the last digit of `"time":"2026-11-23T18:30:00.000Z"`
      // (…Z becomes …[ would not parse). Found by its field name: a random did may hold `Z"` too.
      const dir = await tampered('header', 'blocks', 'header', 'height = ?', [2], (b) => {
        const field = b.indexOf('"time":"')
        if (field < 0) throw new Error('no time in the header')
        return field + '"time":"'.length + 22
      })
      const r = await verify(dir)
      expect(r.code).toBe(1)
      expect(r.out).toMatch(/^verify FAILED at block 2: BLOCK_BAD_SIGNATURE/)
    })
  })

  describe('when one byte of a checkpoint changed', () => {
    it('exits 1 naming the checkpoint', async () => {
      // The tree size line of the checkpoint after block 2 ("…\n5\n" becomes "…\n4\n").
      const dir = await tampered('checkpoint', 'blocks', 'checkpoint', 'height = ?', [2], (b) => b.indexOf('\n') + 1)
      const r = await verify(dir)
      expect(r.code).toBe(1)
      expect(r.out).toMatch(/^verify FAILED at checkpoint of block 2: NOTE_BAD_SIGNATURE/)
    })
  })
})
