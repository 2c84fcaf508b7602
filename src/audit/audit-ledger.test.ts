import { describe, expect, it } from 'vitest'
import { parseEntry } from '../../packages/saksi/src/core/log/parse-entry.js'
import { encodeEntry, type Entry } from '../../packages/saksi/src/core/log/entry.js'
import { DEFAULT_EXECUTION_LIMITS } from '../../packages/saksi/src/core/runtime/execution-limits.js'
import { auditLedger, type AuditOptions } from './audit-ledger.js'
import { AuditFailure } from './audit-failure.js'
import type { AuditSource } from './audit-source.js'
import { buildFixtureLedger, type FixtureLedger } from './testing/fixture-ledger.js'
import { serviceContracts } from '../services/registry.js'

const options: AuditOptions = { contracts: serviceContracts(), signatureWorkers: 0 }

async function failureOf(source: AuditSource): Promise<AuditFailure> {
  const e = await auditLedger(source, options).then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(AuditFailure)
  return e as AuditFailure
}

function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice()
  out[at] = out[at]! ^ 0x01
  return out
}

function rewriteEntry(ledger: FixtureLedger, index: number, change: (e: Entry) => void): void {
  const entry = parseEntry(ledger.entries[index]!)
  change(entry)
  ledger.entries[index] = encodeEntry(entry)
}

describe('auditLedger', () => {
  describe('when nothing was tampered with', () => {
    it('passes a data directory: every block, entry, checkpoint and state key', async () => {
      const ledger = buildFixtureLedger(3, 4)
      const summary = await auditLedger(ledger.source('data'), options)
      expect(summary).toMatchObject({ network: 'kota-contoh', blocks: 4, entries: ledger.entries.length, checkpoints: 4, size: ledger.entries.length })
      expect(summary.state).toEqual({ compared: ledger.state.dump().length })
    })

    it('passes a node and checks a sample of its inclusion and consistency proofs', async () => {
      const ledger = buildFixtureLedger(5, 3)
      const summary = await auditLedger(ledger.source('node'), { ...options, proofSamples: 4 })
      expect(summary.proofs).toEqual({ inclusion: 4, consistency: 4 })
      expect(summary.state).toMatchObject({ skipped: expect.any(String) })
    })

    it('verifies signatures through the signature pool by default', async () => {
      const ledger = buildFixtureLedger(2, 3)
      await expect(auditLedger(ledger.source('data'), { contracts: serviceContracts() })).resolves.toMatchObject({ blocks: 3 })
    })

    it('reads entries in pages smaller than a block', async () => {
      const ledger = buildFixtureLedger(3, 6)
      await expect(auditLedger(ledger.source('data'), { ...options, pageSize: 2, ahead: 1 })).resolves.toMatchObject({ entries: ledger.entries.length })
    })
  })

  describe('when calls failed over the execution limits of the genesis', () => {
    it('re-executes them under the same limits and finds the same failures', async () => {
      const ledger = buildFixtureLedger(2, 3, { ...DEFAULT_EXECUTION_LIMITS, stateWrites: 1 })
      const codes = ledger.entries.map((b) => parseEntry(b).result).map((r) => (r.status === 'failed' ? r.code : 'ok'))
      expect(codes).toContain('EXECUTION_LIMIT')
      await expect(auditLedger(ledger.source('data'), options)).resolves.toMatchObject({ entries: ledger.entries.length })
    })
  })

  describe('when an entry was changed', () => {
    it('names the entry whose signed transaction no longer verifies', async () => {
      const ledger = buildFixtureLedger()
      rewriteEntry(ledger, 5, (e) => void (e.tx.args = { name: 'Warga palsu' }))
      expect(await failureOf(ledger.source('data'))).toMatchObject({ where: 'entry 5', code: 'ENTRY_TXID_MISMATCH' })
    })

    it('names the entry whose bytes are no longer canonical JSON', async () => {
      const ledger = buildFixtureLedger()
      ledger.entries[7] = flipByte(ledger.entries[7]!, 0)
      expect(await failureOf(ledger.source('data'))).toMatchObject({ where: 'entry 7' })
    })

    it('names the entry whose recorded result re-execution does not give', async () => {
      const ledger = buildFixtureLedger()
      rewriteEntry(ledger, 2, (e) => void (e.result = { status: 'failed', code: 'IDENTITY_EXISTS', events: [], writes: e.result.writes }))
      const f = await failureOf(ledger.source('data'))
      expect(f).toMatchObject({ where: 'entry 2', code: 'AUDIT_REEXECUTION_MISMATCH' })
      expect(f.message).toContain('result.code is "IDENTITY_EXISTS", re-execution gives absent')
    })

    it('names an entry that repeats a committed transaction', async () => {
      const ledger = buildFixtureLedger()
      const first = parseEntry(ledger.entries[1]!)
      rewriteEntry(ledger, 8, (e) => Object.assign(e, { txId: first.txId, tx: first.tx, sig: first.sig }))
      expect(await failureOf(ledger.source('data'))).toMatchObject({ where: 'entry 8', code: 'AUDIT_DUPLICATE_TX' })
    })

    it('names the entry in the place of one that was dropped', async () => {
      const ledger = buildFixtureLedger()
      ledger.entries.splice(3, 1)
      expect(await failureOf(ledger.source('data'))).toMatchObject({ where: 'entry 3', code: 'AUDIT_ENTRY_POSITION' })
    })

    it('names the first entry missing at the end of the log', async () => {
      const ledger = buildFixtureLedger()
      ledger.entries.pop()
      expect(await failureOf(ledger.source('data'))).toMatchObject({ where: `entry ${ledger.entries.length}`, code: 'AUDIT_MISSING' })
    })
  })

  describe('when a block header was changed', () => {
    it('names the block whose signature no longer verifies', async () => {
      const ledger = buildFixtureLedger()
      ledger.blocks[2]!.header.time = '2026-11-23T08:00:02.001Z'
      expect(await failureOf(ledger.source('data'))).toMatchObject({ where: 'block 2', code: 'BLOCK_BAD_SIGNATURE' })
    })

    it('names a block signed by a key the genesis does not know', async () => {
      const ledger = buildFixtureLedger()
      const { signBlock } = await import('../../packages/saksi/src/core/block/sign-block.js')
      const { KeyPair } = await import('../../packages/saksi/src/core/keys/key-pair.js')
      const other = KeyPair.generate()
      ledger.blocks[1] = signBlock({ ...ledger.blocks[1]!.header, proposer: other.did }, other)
      expect(await failureOf(ledger.source('data'))).toMatchObject({ where: 'block 1', code: 'BLOCK_PROPOSER_UNKNOWN' })
    })

    it('names a block that is missing', async () => {
      const ledger = buildFixtureLedger()
      delete ledger.blocks[2]
      expect(await failureOf(ledger.source('data'))).toMatchObject({ where: 'block 2', code: 'AUDIT_BLOCK_MISSING' })
    })

    it('names a block whose state digest re-execution does not give, even when re-signed by the node key', async () => {
      const ledger = buildFixtureLedger()
      const { signBlock } = await import('../../packages/saksi/src/core/block/sign-block.js')
      // A node that signs a wrong digest: the signature is good, the link is good, re-execution is not.
      ledger.blocks[3] = signBlock({ ...ledger.blocks[3]!.header, stateDigest: ledger.blocks[2]!.header.stateDigest }, ledger.nodeKey)
      expect(await failureOf(ledger.source('data'))).toMatchObject({ where: 'block 3', code: 'AUDIT_STATE_DIGEST_MISMATCH' })
    })
  })

  describe('when a checkpoint was changed', () => {
    it('names the checkpoint whose signature no longer verifies', async () => {
      const ledger = buildFixtureLedger()
      ledger.checkpoints[2] = ledger.checkpoints[2]!.replace(/\n(\d+)\n/, (_, n: string) => `\n${Number(n) + 1}\n`)
      expect(await failureOf(ledger.source('data'))).toMatchObject({ where: 'checkpoint of block 2', code: 'NOTE_BAD_SIGNATURE' })
    })

    it('fails a node whose latest checkpoint is not signed by the genesis node key', async () => {
      const ledger = buildFixtureLedger()
      ledger.checkpoints[3] = ledger.checkpoints[3]!.replace(/ [A-Za-z0-9+/=]+\n$/, ' AAAAAAAA\n')
      expect(await failureOf(ledger.source('node'))).toMatchObject({ where: 'latest checkpoint' })
    })
  })

  describe('when the stored state was changed', () => {
    it('names the key whose value differs from re-execution', async () => {
      const ledger = buildFixtureLedger()
      const [first] = ledger.state.range('identity', { lo: 'citizen/', reverse: false, limit: 1 })
      ledger.state.apply([{ contract: 'identity', key: first!.key, value: { ...(first!.value as object), name: 'Orang Lain' } }])
      expect(await failureOf(ledger.source('data'))).toMatchObject({ where: `state identity/${first!.key}`, code: 'AUDIT_STATE_VALUE_MISMATCH' })
    })

    it('names a key that re-execution does not produce', async () => {
      const ledger = buildFixtureLedger()
      ledger.state.apply([{ contract: 'identity', key: 'citizen/zzz', value: { forged: true } }])
      expect(await failureOf(ledger.source('data'))).toMatchObject({ where: 'state identity/citizen/zzz', code: 'AUDIT_STATE_EXTRA' })
    })
  })

  describe('when a node serves a bad proof', () => {
    it('names the proof', async () => {
      const ledger = buildFixtureLedger()
      const source = ledger.source('node')
      source.proofs!.inclusion = async () => ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=']
      expect(await failureOf(source)).toMatchObject({ code: 'AUDIT_PROOF_INVALID' })
    })
  })

  describe('when the source claims another genesis', () => {
    it('fails before reading any block', async () => {
      const ledger = buildFixtureLedger(1, 1)
      const source = ledger.source('node')
      source.genesis = async () => ({ document: ledger.genesis, claimedGenesisHash: 'AAAA' })
      expect(await failureOf(source)).toMatchObject({ where: 'network', code: 'AUDIT_GENESIS_MISMATCH' })
    })
  })
})
