import type { Language } from 'saksi/catalogue'

/** A sentence in both languages the command line speaks: Bahasa Indonesia and English. */
export type Bilingual = Readonly<Record<Language, string>>

/** A module's words in both languages, each of the same shape (a missing translation fails typecheck). */
export type Words<T> = Readonly<Record<Language, T>>

/**
 * Declares a module's words: the English table gives the shape, and the Indonesian one must have
 * every key of it (typecheck fails on a missing translation).
 * @param en the English words
 * @param id the same words in Bahasa Indonesia
 */
export function defineWords<T extends object>(en: T, id: NoInfer<T>): Words<T> {
  return { en, id }
}

/**
 * A sentence in the chosen language; a plain string (a message not yet translated) as it is.
 * @param text the sentence
 * @param lang the operator's language
 */
export function inLanguage(text: Bilingual | string, lang: Language): string {
  return typeof text === 'string' ? text : text[lang]
}

/**
 * One sentence of a words table, in both languages (e.g. for a `CliError`).
 * @param words the table
 * @param sentence picks the sentence from either language's words
 */
export function bilingual<T>(words: Words<T>, sentence: (w: T) => string): Bilingual {
  return { id: sentence(words.id), en: sentence(words.en) }
}

/**
 * A sentence after the same words in both languages (a path, a flag).
 * @param prefix e.g. `FILE: `
 * @param text the sentence
 */
export function prefixed(prefix: string, text: Bilingual): Bilingual {
  return { id: prefix + text.id, en: prefix + text.en }
}
