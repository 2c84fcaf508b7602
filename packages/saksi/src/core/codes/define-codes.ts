import { ERROR_CODE_PATTERN, ValidationError, type ErrorKind } from '../errors.js'

/** What a code means: its kind (which decides the HTTP status) and its message in Bahasa Indonesia and English. */
export interface CodeSpec {
  /** The kind of failure; the API maps it to a status. */
  readonly kind: ErrorKind
  /** The message in Bahasa Indonesia, for people (the web app, the CLI). */
  readonly id: string
  /** The message in English; error bodies on the wire carry their own English `message`. */
  readonly en: string
}

/** A table of codes: each stable code with its kind and messages. */
export type CodeTable<C extends string = string> = { readonly [K in C]: CodeSpec }

/** The codes of a table, as a union of literals. */
export type CodeOf<T> = keyof T & string

const KINDS: ReadonlySet<string> = new Set<ErrorKind>(['validation', 'authorization', 'not_found', 'conflict', 'verification', 'storage', 'internal'])

/**
 * Defines a table of codes, typed so that its code names are a literal union (`CodeOf<typeof T>`).
 * @param table each code with its kind and messages
 * @returns the same table, frozen
 * @throws ValidationError `CODE_TABLE_INVALID` for a malformed code, an unknown kind or an empty message
 */
export function defineCodes<T extends Record<string, CodeSpec>>(table: T): { readonly [K in keyof T]: CodeSpec } {
  for (const [code, spec] of Object.entries(table)) {
    if (!ERROR_CODE_PATTERN.test(code) || code.length > 64) throw new ValidationError('CODE_TABLE_INVALID', `${JSON.stringify(code)} is not an upper-case code of at most 64 characters`)
    if (!KINDS.has(spec.kind)) throw new ValidationError('CODE_TABLE_INVALID', `${code} has no known kind`)
    if (typeof spec.id !== 'string' || spec.id.trim() === '' || typeof spec.en !== 'string' || spec.en.trim() === '') {
      throw new ValidationError('CODE_TABLE_INVALID', `${code} needs a message in Bahasa Indonesia (id) and English (en)`)
    }
    Object.freeze(spec)
  }
  return Object.freeze(table)
}
