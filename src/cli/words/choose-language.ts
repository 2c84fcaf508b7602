import { localeLanguage, type Language } from 'saksi/catalogue'
import { PROGRAM_WORDS } from './program-words.js'
import type { Bilingual } from './words.js'

/** The operator's language and the arguments without `--lang`, or why `--lang` was refused. */
export type LanguageChoice = { lang: Language; args: string[] } | { lang: Language; refused: Bilingual }

const isLanguage = (v: string): v is Language => v === 'id' || v === 'en'

/**
 * Reads the global option `--lang id|en` (`--lang X` or `--lang=X`, before or after the command,
 * not after `--`), else the locale of `env` (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
 * @param args the command line's arguments
 * @param env the environment
 * @returns the language and the other arguments, or (in the locale's language) the refusal of a bad `--lang`
 */
export function chooseLanguage(args: readonly string[], env: Readonly<Record<string, string | undefined>>): LanguageChoice {
  const locale = localeLanguage(env)
  const rest: string[] = []
  let chosen: Language | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--') {
      rest.push(...args.slice(i))
      break
    }
    if (a !== '--lang' && !a.startsWith('--lang=')) {
      rest.push(a)
      continue
    }
    const value = a === '--lang' ? args[++i] : a.slice('--lang='.length)
    if (value === undefined || !isLanguage(value)) return { lang: locale, refused: { id: PROGRAM_WORDS.id.badLang(value ?? ''), en: PROGRAM_WORDS.en.badLang(value ?? '') } }
    chosen = value
  }
  return { lang: chosen ?? locale, args: rest }
}
