import { describe, expect, it } from 'vitest'
import { localeLanguage, pickLanguage } from './language.js'

describe('pickLanguage', () => {
  describe('when the client asks for Indonesian', () => {
    it('answers id for id, id-ID, the old in-ID and when Indonesian outweighs English', () => {
      for (const h of ['id', 'id-ID', 'in-ID', 'id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7', 'en;q=0.5, id;q=0.8', 'fr, id;q=0.3', 'ID-id']) expect(pickLanguage(h), h).toBe('id')
    })

    it('prefers Indonesian on a tie with English', () => {
      expect(pickLanguage('en, id')).toBe('id')
    })
  })

  describe('when the client asks for English or for neither', () => {
    it('answers en', () => {
      for (const h of [undefined, '', 'en', 'en-US,en;q=0.9', 'id;q=0.4, en;q=0.9', 'fr-FR', '*', 'id;q=0', 'garbage;;;', 'id;q=abc', 'id;q=2']) expect(pickLanguage(h), String(h)).toBe('en')
    })

    it('answers id for a wildcard when English is refused', () => {
      expect(pickLanguage('*, en;q=0')).toBe('id')
    })
  })

  describe('when the header is hostile', () => {
    it('reads at most 32 ranges', () => {
      expect(pickLanguage(`${'fr,'.repeat(10_000)}id`)).toBe('en')
    })
  })
})

describe('localeLanguage', () => {
  it('reads LC_ALL, LC_MESSAGES, then LANG', () => {
    expect(localeLanguage({ LANG: 'id_ID.UTF-8' })).toBe('id')
    expect(localeLanguage({ LANG: 'id_ID.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en')
    expect(localeLanguage({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'id_ID' })).toBe('id')
    expect(localeLanguage({ LANG: 'C.UTF-8' })).toBe('en')
    expect(localeLanguage({})).toBe('en')
  })
})
