import { describe, expect, it } from 'vitest'
import { formatReceiptEvent } from './live-fanout.js'

describe('formatReceiptEvent', () => {
  it('writes id = index and the receipt as one data line', () => {
    const text = formatReceiptEvent({ txId: 'ab', status: 'ok', index: 7, block: 2, time: '2026-11-23T18:30:00.000Z', events: [{ type: 't.X', data: { s: 'a\nb\u2028' } }] })
    expect(text).toBe('id: 7\ndata: {"txId":"ab","status":"ok","index":7,"block":2,"time":"2026-11-23T18:30:00.000Z","events":[{"type":"t.X","data":{"s":"a\\nb\u2028"}}]}\n\n')
  })
})
