import { describe, expect, it } from 'vitest'
import type { JsonObject } from '../../../../packages/saksi/src/core/encoding/json.js'
import type { KeyPair } from '../../../../packages/saksi/src/core/keys/key-pair.js'
import type { CallInput } from '../../../../packages/saksi/src/core/runtime/call-outcome.js'
import { StateOverlay } from '../../../../packages/saksi/src/core/state/state-overlay.js'
import { head, householdArgs, people, welfareLedger, type WelfareLedger } from './testing/welfare-fixture.js'

function input(l: WelfareLedger, signer: KeyPair, method: string, args: JsonObject): CallInput {
  const ms = Date.parse(l.time) + 1000
  return { tx: { v: 1, network: 'kota-contoh', signer: signer.did, contract: 'welfare', method, args, nonce: 'n', expiresAt: l.time }, txId: '0'.repeat(64), index: 0, block: 1, time: { iso: new Date(ms).toISOString(), ms } }
}

/** Runs the call on committed state without keeping it, then explains its failure as the node's simulate does. */
function explain(l: WelfareLedger, signer: KeyPair, method: string, args: JsonObject) {
  const i = input(l, signer, method, args)
  const outcome = l.runtime.call(new StateOverlay(l.store), i)
  return { outcome, explanation: outcome.status === 'failed' ? l.runtime.explain(l.store, i, outcome.code) : undefined }
}

function registered(l: WelfareLedger): string {
  const r = l.w(people.enumerator, 'registerHousehold', householdArgs('dinsos.pkh', [head()]))
  return (r.events[0]!.data as { household: string }).household
}

describe('inProgrammeOrg (Runtime.explain)', () => {
  describe('when the caller holds another role of the programme’s organisation', () => {
    it('needs the method’s role there, and has what the directory holds', () => {
      const l = welfareLedger()
      const household = registered(l)
      const { outcome, explanation } = explain(l, people.identityVerifier, 'verifyHousehold', { programme: 'dinsos.pkh', household, evidence: { method: 'dukcapil' } })
      expect(outcome).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED' })
      expect(explanation).toEqual({
        needs: [{ role: 'welfare.verifier', org: 'dinsos' }],
        has: [{ role: 'identity.verifier', org: 'dinsos' }],
        message: {
          id: 'perlu peran `welfare.verifier` di `dinsos`; kunci ini memegang `identity.verifier` di `dinsos`',
          en: 'needs `welfare.verifier` of `dinsos`; this key has `identity.verifier` of `dinsos`',
        },
      })
    })
  })
  describe('when the caller holds the role in another organisation', () => {
    it('says where it is needed and where it is held', () => {
      const l = welfareLedger()
      const { explanation } = explain(l, people.otherAgency, 'disburse', { programme: 'dinsos.pkh', period: '2026-Q4' })
      expect(explanation).toMatchObject({ needs: [{ role: 'welfare.treasurer', org: 'dinsos' }], has: [{ role: 'welfare.admin', org: 'pertamanan' }, { role: 'welfare.treasurer', org: 'pertamanan' }] })
    })
  })
  describe('when the method’s body refuses with ACCESS_DENIED (its policy is anyone)', () => {
    it('gives the roles held and the message, and no needs', () => {
      const l = welfareLedger()
      const household = registered(l)
      const { outcome, explanation } = explain(l, people.identityVerifier, 'appeal', { programme: 'dinsos.pkh', household, decision: 1, statement: 'Keluarga kami layak.' })
      expect(outcome).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(explanation).toEqual({ has: [{ role: 'identity.verifier', org: 'dinsos' }], message: { id: 'kunci ini memegang `identity.verifier` di `dinsos`', en: 'this key has `identity.verifier` of `dinsos`' } })
    })
  })
  describe('when the call fails for another reason', () => {
    it('explains nothing', () => {
      const l = welfareLedger()
      const { outcome, explanation } = explain(l, people.verifier, 'verifyHousehold', { programme: 'dinsos.pkh', household: 'dinsos.pkh.h999', evidence: { method: 'dukcapil' } })
      expect(outcome.status).toBe('failed')
      expect(outcome).not.toMatchObject({ code: 'ACCESS_DENIED' })
      expect(explanation).toBeUndefined()
    })
  })
  describe('when the same call is committed after an explanation', () => {
    it('commits the result execution gives, with no explanation', () => {
      const l = welfareLedger()
      const household = registered(l)
      explain(l, people.identityVerifier, 'verifyHousehold', { programme: 'dinsos.pkh', household, evidence: { method: 'dukcapil' } })
      expect(l.w(people.identityVerifier, 'verifyHousehold', { programme: 'dinsos.pkh', household, evidence: { method: 'dukcapil' } })).toEqual({ status: 'failed', code: 'ACCESS_DENIED', message: 'the caller holds none of welfare.verifier in dinsos', events: [], writes: expect.any(String) })
    })
  })
})
