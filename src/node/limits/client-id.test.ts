import { describe, expect, it } from 'vitest'
import { clientId } from './client-id.js'

describe('clientId', () => {
  describe('when the address is IPv4', () => {
    it('keeps it, also written as IPv4-mapped IPv6', () => {
      expect(clientId('203.0.113.7')).toBe('203.0.113.7')
      expect(clientId('::ffff:203.0.113.7')).toBe('203.0.113.7')
    })
  })
  describe('when the address is IPv6', () => {
    it('keeps one id per /64, however the address is written', () => {
      const ids = ['2001:db8:1:2::1', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:DB8:1:2:3:4:5:6', '2001:db8:1:2::1%eth0'].map(clientId)
      expect(new Set(ids)).toEqual(new Set(['2001:db8:1:2::/64']))
      expect(clientId('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64')
      expect(clientId('::1')).toBe('0:0:0:0::/64')
      expect(clientId('fe80::1')).toBe('fe80:0:0:0::/64')
    })
  })
  describe('when given a client id it answered', () => {
    it('answers it unchanged, so that it may be applied twice', () => {
      for (const a of ['203.0.113.7', '::ffff:203.0.113.7', '2001:db8:1:2::1', '::1']) expect(clientId(clientId(a))).toBe(clientId(a))
    })
  })
  describe('when the address is not an IP address', () => {
    it('keeps it as is', () => {
      expect(clientId('in-process')).toBe('in-process')
    })
  })
})
