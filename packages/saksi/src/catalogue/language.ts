/** The languages Saksi speaks: Bahasa Indonesia and English. */
export type Language = 'id' | 'en'

// `id` is Indonesian's ISO 639-1 code; `in` its code before 1989, which old Android and Java still send.
function languageOfTag(tag: string): Language | '*' | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0]
  if (primary === 'id' || primary === 'in') return 'id'
  if (primary === 'en') return 'en'
  if (primary === '*') return '*'
  return undefined
}

/**
 * The language to answer in, from an HTTP `Accept-Language` header (RFC 9110 section 12.5.4):
 * the supported language with the highest weight, Indonesian when it ties with English, English
 * when neither is asked for (or the header is absent or unreadable). A `q=0` refuses a language.
 * @param header the header's value
 * @returns `id` or `en`
 */
export function pickLanguage(header: string | undefined): Language {
  if (!header) return 'en'
  let best: Language = 'en'
  let bestQ = 0
  let wildcard = 0
  const refused = new Set<Language>()
  // A hostile header could be long: at most 32 ranges are read.
  for (const range of header.split(',', 32)) {
    const [tag = '', ...params] = range.split(';')
    const language = languageOfTag(tag)
    if (!language) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam === undefined ? 1 : Number(qParam.slice(2))
    if (!Number.isFinite(q) || q < 0 || q > 1) continue
    if (language === '*') {
      wildcard = Math.max(wildcard, q)
      continue
    }
    if (q === 0) {
      refused.add(language)
      continue
    }
    if (q > bestQ || (q === bestQ && language === 'id')) {
      best = language
      bestQ = q
    }
  }
  if (bestQ > 0) return best
  return wildcard > 0 && refused.has('en') && !refused.has('id') ? 'id' : 'en'
}

/**
 * The language of a POSIX locale, as a command line reads it: `LC_ALL`, then `LC_MESSAGES`, then
 * `LANG` (e.g. `id_ID.UTF-8` is Indonesian); English otherwise.
 * @param env the environment
 */
export function localeLanguage(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return languageOfTag(locale.split('.')[0] ?? '') === 'id' ? 'id' : 'en'
}
