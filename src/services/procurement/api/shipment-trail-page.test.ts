import { describe, expect, it } from 'vitest'
import { escapeHtml, wib } from './shipment-trail-page.js'

describe('the shipment trail page', () => {
  it('writes times in Western Indonesia Time', () => {
    expect(wib('2026-11-23T18:30:00.000Z')).toBe('2026-11-24 01:30 WIB')
    expect(wib('not a time')).toBe('not a time')
  })

  it('escapes what signers wrote', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;')
  })
})
