import { childPath, type FieldPathNode } from './field-paths.js'

/** What the personal-data screen found: the reason given in `details.reason` of `ARGS_PERSONAL_DATA`. */
export type PersonalDataReason = 'NIK_IN_CLEAR' | 'PHONE_NUMBER' | 'EMAIL_ADDRESS'

/** Where the screen found personal data, and what. */
export interface PersonalDataFinding {
  /** e.g. `args.note`, `args.members[0] (a key)`. */
  readonly path: string
  readonly reason: PersonalDataReason
}

// The first two digits of a NIK are the province (BPS/Kemendagri codes), then two for the regency
// or city and two for the district, neither of them 00. A 16-digit number without such a region
// (an amount, a coordinate's digits) is not taken for a NIK.
const PROVINCES = new Set(['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '51', '52', '53', '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82', '91', '92', '93', '94', '95', '96'])

/**
 * Whether 16 digits are shaped like a NIK: a valid province code, regency and district not 00.
 * @param digits exactly 16 ASCII digits
 */
export function hasNikRegion(digits: string): boolean {
  return PROVINCES.has(digits.slice(0, 2)) && digits.slice(2, 4) !== '00' && digits.slice(4, 6) !== '00'
}

// A mobile number: 08 then 8-11 digits (10-13 in all), or 62 in place of the 0 (+62 812-...).
function isMobile(digits: string, international: boolean): boolean {
  if (!international) return digits.length >= 10 && digits.length <= 13 && digits.charCodeAt(0) === 48 && digits.charCodeAt(1) === 56 && digits.charCodeAt(2) !== 48
  return digits.length >= 11 && digits.length <= 14 && digits.startsWith('628') && digits.charCodeAt(3) !== 48
}

const NON_ASCII = /[^\p{ASCII}]/u
// A non-ASCII character or an '@' (the class spans ASCII from NUL: hence the lint exception).
// eslint-disable-next-line no-control-regex
const NON_ASCII_OR_AT = /[^\u0000-\u003f\u0041-\u007f]/
// Decimal digits of other scripts (Arabic-Indic, Devanagari, Thai, ...), which NFKC leaves as they are.
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu
const IS_DIGIT = /^\p{Nd}$/u
const digitValues = new Map<string, string>()

// Unicode puts every script's digits 0-9 in one run of ten code points (some runs adjoin): a
// digit's value is its distance from the start of its run, modulo 10.
function asciiDigit(digit: string): string {
  let value = digitValues.get(digit)
  if (value === undefined) {
    const cp = digit.codePointAt(0)!
    let start = cp
    while (IS_DIGIT.test(String.fromCodePoint(start - 1))) start--
    value = String((cp - start) % 10)
    digitValues.set(digit, value)
  }
  return value
}

// Invisible format characters (zero-width space, joiners, soft hyphen) that would split a number.
const FORMAT_CHARS = /[\p{Cf}]/gu
// Hex digests (17+ hex digits with a letter) and base64 values (22+ characters, padded to a
// multiple of 4, with a letter) are hashes, commitments and signatures: left out of the search.
// The price: a number glued to such letters ("3273012345678901ab") is not caught.
const HEX_TOKEN = /[0-9a-fA-F]{17,}/g
const BASE64_TOKEN = /[A-Za-z0-9+/]{22,}={0,2}/g
const HAS_LETTER = /[A-Za-z]/
const HAS_HEX_LETTER = /[a-fA-F]/
// A run of digit groups, separated by spaces, dots or dashes (at most three in a row).
const DIGIT_RUN = /\+?\d+(?:[ .-]{1,3}\d+)*/g
const SEPARATORS = /[ .-]{1,3}/
const LONG_RUN = /\d(?:[ .-]{0,3}\d){9}/
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/
const DOMAIN = /[A-Za-z0-9.-]+/y
const TLD = /^[A-Za-z]{2,}$/

function withoutDigests(text: string): string {
  let t = text.replace(HEX_TOKEN, (m) => (HAS_HEX_LETTER.test(m) ? '|' : m))
  if (t.length >= 22) t = t.replace(BASE64_TOKEN, (m) => (m.length % 4 === 0 && HAS_LETTER.test(m) ? '|' : m))
  return t
}

// Every window of consecutive groups: a NIK written 3171 0123 4567 8901, or glued to a date.
function numberIn(run: string): PersonalDataReason | undefined {
  const groups = (run.charCodeAt(0) === 43 ? run.slice(1) : run).split(SEPARATORS)
  for (let i = 0; i < groups.length; i++) {
    const first = groups[i]!
    // A phone number's first group is 08x..., 628... or 62 then 8xx (not a date's "08-12-2026").
    const national = first.length >= 3 && first.startsWith('08')
    const second = groups[i + 1]
    const international = first.length >= 4 ? first.startsWith('628') : first === '62' && second !== undefined && second.length >= 3 && second.startsWith('8')
    let digits = ''
    for (let j = i; j < groups.length; j++) {
      digits += groups[j]
      if (digits.length === 16 && hasNikRegion(digits)) return 'NIK_IN_CLEAR'
      if (digits.length > 16) break
      if ((national && isMobile(digits, false)) || (international && isMobile(digits, true))) return 'PHONE_NUMBER'
    }
  }
  return undefined
}

function hasEmail(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at === 0 || !LOCAL_CHAR.test(text[at - 1]!)) continue
    DOMAIN.lastIndex = at + 1
    const domain = DOMAIN.exec(text)?.[0].replace(/[.-]+$/, '')
    if (!domain) continue
    const labels = domain.split('.')
    if (labels.length >= 2 && labels.every((l) => l.length > 0) && TLD.test(labels[labels.length - 1]!)) return true
  }
  return false
}

/**
 * Screens one text: after Unicode NFKC normalisation (full-width digits become ASCII), with
 * invisible format characters removed and the decimal digits of other scripts (Arabic-Indic,
 * Devanagari, ...) read as ASCII digits, looks for an e-mail address and, unless `numbers` is false,
 * for a NIK (16 digits with a NIK's region code) or an Indonesian mobile number, spaces, dots and
 * dashes between digits ignored.
 * @param raw the text (a string, an object key, an integer's digits)
 * @param numbers whether to look for numbers (false in a field declared to hold long numbers)
 * @returns what it found, or undefined
 */
export function screenText(raw: string, numbers = true): PersonalDataReason | undefined {
  if (raw.length < 6) return undefined
  // Most texts are plain ASCII words without '@' and without a run of 10 digits: nothing we look
  // for fits in them, and two scans of compiled expressions tell.
  if (!NON_ASCII_OR_AT.test(raw) && (!numbers || !LONG_RUN.test(raw))) return undefined
  const text = NON_ASCII.test(raw) ? raw.normalize('NFKC').replace(FORMAT_CHARS, '').replace(OTHER_DIGIT, asciiDigit) : raw
  if (text.includes('@') && hasEmail(text)) return 'EMAIL_ADDRESS'
  if (!numbers || text.length < 10) return undefined
  // Nothing we look for has fewer than 10 digits in one run: most texts stop here.
  if (!LONG_RUN.test(text)) return undefined
  const t = text.length >= 17 ? withoutDigests(text) : text
  for (const m of t.matchAll(DIGIT_RUN)) {
    if (m[0].length < 10) continue
    const found = numberIn(m[0])
    if (found) return found
  }
  return undefined
}

function screenInteger(n: number): PersonalDataReason | undefined {
  const abs = Math.abs(n)
  if (abs < 1e10 || abs >= 1e17) return undefined
  const digits = String(abs)
  if (digits.length === 16 && hasNikRegion(digits)) return 'NIK_IN_CLEAR'
  // An integer has lost a leading 0: only the 62 form of a mobile number survives in one.
  return isMobile(digits, true) ? 'PHONE_NUMBER' : undefined
}

/**
 * The personal-data screen of PROTOCOL section 3 over a JSON value (a transaction's `args`): every
 * string, integer and object key is searched for a NIK in clear, an Indonesian mobile number or an
 * e-mail address (see {@link screenText}). The log is public and permanent: nothing in it may be
 * personal data.
 * @param value the value to search
 * @param longNumbers the fields where a long number is legitimate (an amount, a hash, a bank's
 *   reference; see `MethodDefinition.longNumbers`): numbers there are not searched, e-mail addresses are
 * @param path the name of the value, for the answer
 * @returns the first finding, or undefined
 */
export function findPersonalData(value: unknown, longNumbers?: FieldPathNode, path = 'args'): PersonalDataFinding | undefined {
  const found = walk(value, longNumbers, longNumbers?.named === true)
  if (!found) return undefined
  return { path: path + found.at.reverse().join(''), reason: found.reason }
}

// The path is built only for a finding, from the inside out: no string is made per field walked.
interface Found {
  reason: PersonalDataReason
  at: string[]
}

function walk(value: unknown, node: FieldPathNode | undefined, exempt: boolean): Found | undefined {
  if (typeof value === 'string') {
    const reason = screenText(value, !exempt)
    return reason ? { reason, at: [] } : undefined
  }
  if (typeof value === 'number') {
    const reason = exempt || !Number.isInteger(value) ? undefined : screenInteger(value)
    return reason ? { reason, at: [] } : undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  if (Array.isArray(value)) {
    const child = exempt ? undefined : childPath(node, '*')
    const childExempt = exempt || child?.named === true
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], child, childExempt)
      if (found) {
        found.at.push(`[${i}]`)
        return found
      }
    }
    return undefined
  }
  for (const key in value) {
    const keyReason = screenText(key, !exempt)
    if (keyReason) return { reason: keyReason, at: [' (a key)'] }
    const child = exempt ? undefined : childPath(node, key)
    const found = walk((value as Record<string, unknown>)[key], child, exempt || child?.named === true)
    if (found) {
      found.at.push(`.${key}`)
      return found
    }
  }
  return undefined
}
