import { describe, expect, it } from 'vitest'
import { runCoreDemo } from './core-demo.js'

describe('runCoreDemo', () => {
  it('commits the demo calls, records the refused ones and passes its own audit', () => {
    const lines: string[] = []
    const { verified } = runCoreDemo((l) => lines.push(l))
    expect(verified).toBe(true)
    const text = lines.join('\n')
    expect(text).toMatch(/identity\.register\s+failed IDENTITY_EXISTS/)
    expect(text).toMatch(/identity\.verifyCitizen\s+ok\s+identity\.CitizenVerified/)
    expect(text).toMatch(/identity\.addMember\s+failed ACCESS_DENIED/)
    expect(text).toMatch(/^saksi\.example\/kota-contoh\n7\n[A-Za-z0-9+/]{43}=\n\n\u2014 saksi\.example\/kota-contoh /m)
  })
})
