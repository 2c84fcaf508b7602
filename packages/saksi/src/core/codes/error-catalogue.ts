import { ValidationError, type ErrorKind } from '../errors.js'
import type { CodeSpec, CodeTable } from './define-codes.js'

/** Every code Saksi gives, with its kind and messages: the one place clients look a code up. */
export interface ErrorCatalogue {
  /** How many codes it holds. */
  readonly size: number
  /** The code's kind and messages, or undefined for a code it does not hold. */
  get(code: string): CodeSpec | undefined
  /** The code's kind, or undefined for a code it does not hold. */
  kindOf(code: string): ErrorKind | undefined
  /** Every code, in the order of the tables. */
  codes(): string[]
}

/**
 * Gathers code tables into one catalogue.
 * @param tables the tables; a code may be declared by one table only
 * @returns the catalogue
 * @throws ValidationError `CODE_TABLE_INVALID` when two tables declare the same code
 */
export function errorCatalogue(tables: readonly CodeTable[]): ErrorCatalogue {
  const map = new Map<string, CodeSpec>()
  for (const table of tables) {
    for (const [code, spec] of Object.entries(table)) {
      if (map.has(code)) throw new ValidationError('CODE_TABLE_INVALID', `${code} is declared by two tables`)
      map.set(code, spec)
    }
  }
  return Object.freeze({
    size: map.size,
    get: (code: string) => map.get(code),
    kindOf: (code: string) => map.get(code)?.kind,
    codes: () => [...map.keys()],
  })
}
