import { describe, expect, it } from 'vitest'
import { NikHasher } from './nik-hasher.js'

describe('NikHasher', () => {
  const hasher = new NikHasher(Uint8Array.from({ length: 32 }, (_, i) => i))

  it('matches HMAC-SHA256 computed independently (Python hmac, key 00..1f)', () => {
    expect(hasher.hash('3201234567890001')).toBe('nmizEeXCngMGPKiKjCzZsdBv3MihYdfLrqcGjV1hbiY=')
  })

  it('differs with another secret, so a table of every NIK is useless without the secret', () => {
    expect(new NikHasher(new Uint8Array(32)).hash('3201234567890001')).not.toBe(hasher.hash('3201234567890001'))
  })

  it('refuses anything but 16 digits, without repeating the input', () => {
    for (const bad of ['320123456789000', '32012345678900011', '320123456789000a', ' 3201234567890001', 3201234567890001 as never]) {
      expect(() => hasher.hash(bad)).toThrow(expect.objectContaining({ code: 'VAULT_NIK_INVALID', message: expect.not.stringContaining('3201') }))
    }
  })
})
