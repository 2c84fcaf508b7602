import { describe, expect, it } from 'vitest'
import type { EntryResult } from '../../packages/saksi/src/core/log/entry.js'
import { inadmissibleCode } from './inadmissible-code.js'

const failed = (code: string): EntryResult => ({ status: 'failed', code, events: [], writes: 'x' })

describe('inadmissibleCode', () => {
  describe('when the network runs rules 1 (a log written before issue 12)', () => {
    it('accepts committed calls to unknown contracts and with invalid arguments', () => {
      for (const code of ['CONTRACT_UNKNOWN', 'METHOD_UNKNOWN', 'ARGS_INVALID']) expect(inadmissibleCode(failed(code), 1)).toBeUndefined()
    })
  })
  describe('when the network runs rules 2', () => {
    it('names the code of a call admission must have refused, and accepts a contract decision', () => {
      for (const code of ['CONTRACT_UNKNOWN', 'METHOD_UNKNOWN', 'ARGS_INVALID', 'ARGS_PERSONAL_DATA']) expect(inadmissibleCode(failed(code), 2)).toBe(code)
      expect(inadmissibleCode(failed('IDENTITY_EXISTS'), 2)).toBeUndefined()
      expect(inadmissibleCode({ status: 'ok', events: [], writes: 'x' }, 2)).toBeUndefined()
    })
  })
})
