import { describe, expect, it } from 'vitest'
import { KeyPair } from '../../../../packages/saksi/src/core/keys/key-pair.js'
import { NIK_HASHES_PER_DAY } from './nik-checks.js'
import { createHarness } from '../../identity/contract/testing/harness.js'
import { pkhRules } from './pkh-example.js'
import { welfare } from './welfare.js'
import { head, member, people, vault, welfareGenesis, welfareLedger, type WelfareLedger } from './testing/welfare-fixture.js'

const P = 'dinsos.pkh'
const refs = (from: number, n: number) => Array.from({ length: n }, (_, i) => (vault(from + i) as { ref: string }).ref)
const check = (l: WelfareLedger, signer: KeyPair, args: Record<string, unknown>) => l.w(signer as never, 'recordNikCheck', { programme: P, purpose: 'registration', ...args } as never)

describe('recordNikCheck', () => {
  describe('when an official checks the NIKs of a new registration', () => {
    it('records who, when, why and which vault records, and the household that later lists them shows it', () => {
      const l = welfareLedger()
      const m = [head(), member()]
      const r = check(l, people.enumerator, { refs: m.map((x) => (x.record as { ref: string }).ref), note: 'Pendaftaran baru' })
      expect(r).toMatchObject({ status: 'ok', events: [{ type: 'welfare.NikCheckRecorded', data: { programme: P, check: 1, by: people.enumerator.did, purpose: 'registration', niks: 2 } }] })
      const id = l.enrol(P, m)
      expect(l.q('nikChecks', { programme: P, household: id })).toEqual([{ seq: 1, by: people.enumerator.did, at: expect.stringMatching(/^2026-11-23T/), purpose: 'registration', refs: m.map((x) => (x.record as { ref: string }).ref), note: 'Pendaftaran baru' }])
      expect(l.q('nikChecksBy', { programme: P, did: people.enumerator.did })).toEqual([expect.objectContaining({ seq: 1, served: id })])
    })
  })

  describe('when an official checks a NIK for an existing household', () => {
    it('names the household, which lists the check', () => {
      const l = welfareLedger()
      const id = l.enrol(P, [head(), member()])
      expect(check(l, people.verifier, { purpose: 'verification', household: id, refs: refs(90_000, 1) })).toMatchObject({ status: 'ok' })
      expect(l.q('nikChecks', { programme: P, household: id })).toEqual([expect.objectContaining({ by: people.verifier.did, purpose: 'verification', household: id })])
    })
  })

  describe('when the check contradicts itself', () => {
    it('refuses a registration naming a household, another purpose naming none, a reference twice or of another household', () => {
      const l = welfareLedger()
      const m = [head(), member()]
      const id = l.enrol(P, m)
      const used = (m[0]!.record as { ref: string }).ref
      expect(check(l, people.enumerator, { household: id, refs: refs(1, 1) })).toMatchObject({ status: 'failed', code: 'WELFARE_NIK_CHECK_INVALID' })
      expect(check(l, people.enumerator, { purpose: 'audit', refs: refs(1, 1) })).toMatchObject({ status: 'failed', code: 'WELFARE_NIK_CHECK_INVALID' })
      expect(check(l, people.enumerator, { refs: [...refs(1, 1), ...refs(1, 1)] })).toMatchObject({ status: 'failed', code: 'WELFARE_NIK_CHECK_INVALID' })
      expect(check(l, people.enumerator, { refs: [used] })).toMatchObject({ status: 'failed', code: 'WELFARE_VAULT_REF_USED' })
      expect(check(l, people.verifier, { purpose: 'verification', household: id, refs: [used] })).toMatchObject({ status: 'ok' })
      expect(check(l, people.enumerator, { programme: 'dinsos.none', refs: refs(1, 1) })).toMatchObject({ status: 'failed' })
    })
  })

  describe('when the caller holds no welfare role', () => {
    it('refuses a stranger, a treasurer and an unverified citizen', () => {
      const l = welfareLedger()
      expect(check(l, KeyPair.generate(), { refs: refs(1, 1) })).toMatchObject({ status: 'failed' })
      expect(check(l, people.treasurer, { refs: refs(1, 1) })).toMatchObject({ status: 'failed' })
      expect(check(l, people.otherAgency, { refs: refs(1, 1) })).toMatchObject({ status: 'failed' })
    })
  })

  describe('when a verified citizen checks their own household', () => {
    it('allows a registration, within the citizen’s 30 NIKs a day, and nothing else', () => {
      const l = welfareLedger()
      const citizen = KeyPair.generate()
      expect(l.call(citizen as never, 'register', { name: 'Warga' })).toMatchObject({ status: 'ok' })
      expect(l.call(people.identityVerifier, 'verifyCitizen', { did: citizen.did, evidence: { method: 'ktp-el-chip' } })).toMatchObject({ status: 'ok' })
      expect(check(l, citizen, { refs: refs(100, NIK_HASHES_PER_DAY.citizen) })).toMatchObject({ status: 'ok' })
      expect(check(l, citizen, { refs: refs(200, 1) })).toMatchObject({ status: 'failed', code: 'WELFARE_NIK_CHECK_LIMIT' })
      const id = l.enrol(P, [head(), member()])
      expect(check(l, citizen, { purpose: 'audit', household: id, refs: refs(300, 1) })).toMatchObject({ status: 'failed', code: 'WELFARE_NIK_CHECK_INVALID' })
      expect(l.q('nikHashUsage', { programme: P, did: citizen.did, day: l.time.slice(0, 10) })).toEqual({ used: 30, limit: 30 })
    })
  })

  describe("when an official passes the day's limit", () => {
    it('refuses the check that would pass it, and allows checks again the next UTC day', () => {
      const l = welfareLedger()
      const perCheck = 50
      for (let i = 0; i < NIK_HASHES_PER_DAY.official / perCheck; i++) expect(check(l, people.enumerator, { refs: refs(1_000 + i * perCheck, perCheck) })).toMatchObject({ status: 'ok' })
      expect(check(l, people.enumerator, { refs: refs(500_000, 1) })).toMatchObject({ status: 'failed', code: 'WELFARE_NIK_CHECK_LIMIT' })
      expect(l.q('nikHashUsage', { programme: P, did: people.enumerator.did, day: l.time.slice(0, 10) })).toEqual({ used: 2_000, limit: 2_000 })
      // Another official is not held by it.
      expect(check(l, people.officer, { purpose: 'registration', refs: refs(500_001, 1) })).toMatchObject({ status: 'ok' })
      l.jumpTo('2026-11-24T00:00:05.000Z')
      expect(check(l, people.enumerator, { refs: refs(500_002, 1) })).toMatchObject({ status: 'ok' })
    })
  })
})

describe('seedNikHashLimits', () => {
  describe("when the network's genesis sets its own daily limits", () => {
    it('holds officials to them', () => {
      const h = createHarness({ ...welfareGenesis(), welfare: { nikHashesPerDay: { official: 3, citizen: 1 } } }, [welfare])
      expect(h.call(people.programmeAdmin, 'createProgramme', { programme: P, name: 'PKH', periodKind: 'quarter', regions: ['32.73'], rules: pkhRules('2026-Q4') }, 'welfare')).toMatchObject({ status: 'ok' })
      const run = (n: number, from: number) => h.call(people.enumerator, 'recordNikCheck', { programme: P, purpose: 'registration', refs: refs(from, n) }, 'welfare')
      expect(run(3, 1)).toMatchObject({ status: 'ok' })
      expect(run(1, 10)).toMatchObject({ status: 'failed', code: 'WELFARE_NIK_CHECK_LIMIT' })
      expect(h.query('nikHashUsage', { programme: P, did: people.enumerator.did, day: h.time.slice(0, 10) }, 'welfare')).toEqual({ used: 3, limit: 3 })
    })
  })

  describe('when the limits are malformed', () => {
    it('refuses the genesis, naming the field', () => {
      expect(() => createHarness({ ...welfareGenesis(), welfare: { nikHashesPerDay: { official: 0, citizen: 1 } } }, [welfare])).toThrow(/welfare\.nikHashesPerDay\.official/)
    })
  })

  describe('when genesis sets none', () => {
    it('writes nothing: block 0 of an older network stays the same', () => {
      const all = { lo: '', reverse: false }
      expect(createHarness(welfareGenesis(), [welfare]).store.range('welfare', all)).toEqual([])
      expect(createHarness({ ...welfareGenesis(), welfare: { nikHashesPerDay: { official: 3, citizen: 1 } } }, [welfare]).store.range('welfare', all)).toEqual([{ key: 'config/nikHashesPerDay', value: { official: 3, citizen: 1 } }])
    })
  })
})
