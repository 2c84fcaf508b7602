import { describe, expect, it } from 'vitest'
import { SaksiNetworkError } from 'saksi/client'
import { ValidationError } from 'saksi'
import { AuditFailure, AuditSourceUnavailable, attribute } from './audit-failure.js'

describe('attribute', () => {
  describe('when the check finds something wrong', () => {
    it('names what was checked and keeps the code', async () => {
      const e = await attribute('entry 4', () => Promise.reject(new ValidationError('TX_BAD_SIGNATURE', 'the signature does not verify'))).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(AuditFailure)
      expect(e).toMatchObject({ where: 'entry 4', code: 'TX_BAD_SIGNATURE', kind: 'verification', message: 'entry 4: TX_BAD_SIGNATURE: the signature does not verify' })
    })
  })
  describe('when the source cannot be read', () => {
    it('gives no verdict: the error is passed on as it is', async () => {
      const unavailable = new AuditSourceUnavailable('the node serves no genesis document')
      await expect(attribute('genesis', () => Promise.reject(unavailable))).rejects.toBe(unavailable)
      const network = new SaksiNetworkError('CLIENT_NETWORK', { method: 'GET', url: 'http://127.0.0.1:9/v1/network' }, new Error('bad port'))
      await expect(attribute('head', () => Promise.reject(network))).rejects.toBe(network)
    })
  })
})
