import { createHash } from 'node:crypto'
import type { JsonObject } from '../../../../../packages/saksi/src/core/encoding/json.js'
import type { EntryResult } from '../../../../../packages/saksi/src/core/log/entry.js'
import { DEFAULT_EXECUTION_LIMITS } from '../../../../../packages/saksi/src/core/runtime/execution-limits.js'
import { createHarness, testKey, type Harness } from '../../../identity/contract/testing/harness.js'
import { welfare } from '../welfare.js'
import { pkhRules } from '../pkh-example.js'

/** Keys of the welfare tests' people. */
export const people = {
  dinsosAdmin: testKey(1),
  programmeAdmin: testKey(2),
  enumerator: testKey(3),
  verifier: testKey(4),
  appeals: testKey(5),
  treasurer: testKey(6),
  officer: testKey(7),
  gateway: testKey(8),
  otherAgency: testKey(9),
  identityVerifier: testKey(10),
}

/**
 * A genesis with Dinas Sosial (all welfare roles), BPKAD (the payment service) and a parks office.
 * @param limits genesis `limits` (default: the default execution limits, as `saksi init` writes)
 */
export function welfareGenesis(limits: JsonObject = { execution: { ...DEFAULT_EXECUTION_LIMITS } }): JsonObject {
  const p = people
  return {
    limits,
    organisations: [
      {
        id: 'dinsos',
        name: 'Dinas Sosial Kota Contoh',
        admins: [p.dinsosAdmin.did],
        grants: ['identity.verifier', 'welfare.admin', 'welfare.enumerator', 'welfare.verifier', 'welfare.appeals', 'welfare.treasurer', 'welfare.officer'],
        members: [
          { did: p.programmeAdmin.did, roles: ['welfare.admin'] },
          { did: p.enumerator.did, roles: ['welfare.enumerator'] },
          { did: p.verifier.did, roles: ['welfare.verifier'] },
          { did: p.appeals.did, roles: ['welfare.appeals'] },
          { did: p.treasurer.did, roles: ['welfare.treasurer'] },
          { did: p.officer.did, roles: ['welfare.officer'] },
          { did: p.identityVerifier.did, roles: ['identity.verifier'] },
        ],
      },
      { id: 'bpkad', name: 'BPKAD Kota Contoh', admins: [testKey(20).did], grants: ['payments.gateway'], members: [{ did: p.gateway.did, roles: ['payments.gateway'] }] },
      { id: 'pertamanan', name: 'Dinas Pertamanan', admins: [testKey(21).did], grants: ['welfare.admin', 'welfare.treasurer'], members: [{ did: p.otherAgency.did, roles: ['welfare.admin', 'welfare.treasurer'] }] },
    ],
  }
}

/** A fake keyed NIK hash for test person `n` (base64 of 32 bytes). */
export const nikHash = (n: number): string => createHash('sha256').update(`nik ${n}`).digest('base64')

/** A fake vault link for test record `n`. */
export const vault = (n: number): JsonObject => ({ ref: `pd_${createHash('md5').update(`ref ${n}`).digest('hex')}`, commitment: createHash('sha256').update(`c ${n}`).digest('hex') })

let people_n = 1000

/** A household member's attributes; `over` changes some. */
export function member(over: Partial<Record<string, unknown>> = {}): JsonObject {
  const n = people_n++
  return { nikHash: nikHash(n), relationship: 'child', birthMonth: '2015-03', schoolLevel: 'sd', disability: 'none', pregnant: false, record: vault(n), ...over } as JsonObject
}

/** Registration arguments for a household in `programme`; the first member is the head. */
export function householdArgs(programme: string, members: JsonObject[], over: JsonObject = {}): JsonObject {
  return {
    programme,
    region: '32.73.01.1001',
    incomeDecile: 2,
    members,
    consent: { method: 'thumbprint', evidence: vault(people_n++) },
    record: vault(people_n++),
    ...over,
  }
}

/** A head of household (adult, no component of their own). */
export const head = (over: Partial<Record<string, unknown>> = {}): JsonObject => member({ relationship: 'head', birthMonth: '1985-06', schoolLevel: 'none', ...over })

/** The welfare test ledger: harness plus helpers. */
export interface WelfareLedger extends Harness {
  w(signer: (typeof people)[keyof typeof people], method: string, args: JsonObject): EntryResult
  q(name: string, args: JsonObject): unknown
  /** Registers and verifies a household; returns its id. */
  enrol(programme: string, members: JsonObject[], over?: JsonObject): string
}

/**
 * A ledger with identity and welfare, and the PKH programme `dinsos.pkh` from the current quarter.
 * @param options the programme's budget; genesis `limits`; genesis `rules` (default: absent, rules 1)
 */
export function welfareLedger(options: { budget?: number; limits?: JsonObject; rules?: number } = {}): WelfareLedger {
  const genesis = welfareGenesis(options.limits)
  const h = createHarness(options.rules === undefined ? genesis : { ...genesis, rules: options.rules }, [welfare])
  const ledger: WelfareLedger = Object.assign(h, {
    w: (signer: (typeof people)[keyof typeof people], method: string, args: JsonObject) => h.call(signer, method, args, 'welfare'),
    q: (name: string, args: JsonObject) => h.query(name, args, 'welfare'),
    enrol(programme: string, members: JsonObject[], over: JsonObject = {}): string {
      const r = ledger.w(people.enumerator, 'registerHousehold', householdArgs(programme, members, over))
      if (r.status !== 'ok') throw new Error(`registerHousehold failed: ${r.code} ${r.message ?? ''}`)
      const id = (r.events[0]!.data as { household: string }).household
      const v = ledger.w(people.verifier, 'verifyHousehold', { programme, household: id, evidence: { method: 'dukcapil' } })
      if (v.status !== 'ok') throw new Error(`verifyHousehold failed: ${v.code} ${v.message ?? ''}`)
      return id
    },
  })
  const created = ledger.w(people.programmeAdmin, 'createProgramme', {
    programme: 'dinsos.pkh',
    name: 'Program Keluarga Harapan Kota Contoh',
    periodKind: 'quarter',
    regions: ['32.73'],
    rules: pkhRules('2026-Q4', options.budget),
  })
  if (created.status !== 'ok') throw new Error(`createProgramme failed: ${created.code} ${created.message ?? ''}`)
  return ledger
}
