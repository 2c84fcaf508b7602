import { describe, expect, it } from 'vitest'
import { redactUrl } from './redact-url.js'

describe('redactUrl', () => {
  describe('when the URL has a query string', () => {
    it('keeps the path and the parameter names and redacts every value', () => {
      expect(redactUrl('/v1/contracts/identity/queries/get?did=did%3Akey%3Az6Mk&nik=3201010101900001')).toBe('/v1/contracts/identity/queries/get?did=[redacted]&nik=[redacted]')
    })

    it('redacts empty values and keeps a bare flag', () => {
      expect(redactUrl('/v1/tx?wait=&x')).toBe('/v1/tx?wait=[redacted]&x')
    })

    it('drops a fragment and an empty query', () => {
      expect(redactUrl('/a?b=1#c')).toBe('/a?b=[redacted]')
      expect(redactUrl('/a?')).toBe('/a')
    })
  })

  describe('when the URL has no query string', () => {
    it('leaves it as it is', () => {
      expect(redactUrl('/v1/log/entries/3')).toBe('/v1/log/entries/3')
    })
  })
})
