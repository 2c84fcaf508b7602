import type { JsonObject } from 'saksi'
import { pkhRules } from '../contract/index.js'

/**
 * The demo's programme: Program Keluarga Harapan (PKH) of Kota Contoh, with the PKH rules of the
 * welfare contract's example (`pkh-example.ts`) and a budget of Rp 2 billion a quarter.
 * @param programme its id, e.g. `dinsos.pkh`
 * @param from the first quarter, e.g. `2026-Q4`
 */
export function pkhProgramme(programme: string, from: string): JsonObject {
  return { programme, name: 'Program Keluarga Harapan (PKH) Kota Contoh', periodKind: 'quarter', regions: ['32.73'], rules: pkhRules(from, 2_000_000_000) }
}
