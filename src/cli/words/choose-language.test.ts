import { describe, expect, it } from 'vitest'
import { chooseLanguage } from './choose-language.js'

describe('chooseLanguage', () => {
  describe('when --lang is given', () => {
    it('takes it before or after the command, as --lang X or --lang=X, and removes it from the arguments', () => {
      expect(chooseLanguage(['--lang', 'id', 'init', '--data', 'd'], {})).toEqual({ lang: 'id', args: ['init', '--data', 'd'] })
      expect(chooseLanguage(['init', '--data', 'd', '--lang=id'], {})).toEqual({ lang: 'id', args: ['init', '--data', 'd'] })
      expect(chooseLanguage(['init', '--lang', 'en'], { LANG: 'id_ID.UTF-8' })).toEqual({ lang: 'en', args: ['init'] })
    })
    it('leaves what follows -- alone', () => {
      expect(chooseLanguage(['x', '--', '--lang', 'id'], {})).toEqual({ lang: 'en', args: ['x', '--', '--lang', 'id'] })
    })
    it('refuses another language or a missing value, naming the choices, in the locale language', () => {
      expect(chooseLanguage(['--lang', 'fr'], {})).toEqual({ lang: 'en', refused: expect.objectContaining({ en: '--lang "fr": choose id (Bahasa Indonesia) or en (English)' }) })
      expect(chooseLanguage(['--lang'], { LANG: 'id_ID.UTF-8' })).toMatchObject({ lang: 'id', refused: { id: '--lang "": pilih id (Bahasa Indonesia) atau en (English)' } })
    })
  })
  describe('when --lang is not given', () => {
    it('follows LC_ALL, LC_MESSAGES, then LANG; English otherwise', () => {
      expect(chooseLanguage(['init'], { LANG: 'id_ID.UTF-8' }).lang).toBe('id')
      expect(chooseLanguage(['init'], { LC_ALL: 'en_US.UTF-8', LANG: 'id_ID.UTF-8' }).lang).toBe('en')
      expect(chooseLanguage(['init'], { LC_MESSAGES: 'id_ID' }).lang).toBe('id')
      expect(chooseLanguage(['init'], { LANG: 'C.UTF-8' }).lang).toBe('en')
      expect(chooseLanguage(['init'], {}).lang).toBe('en')
    })
  })
})
