import type { SaksiError } from 'saksi'
import { CORE_CATALOGUE, type ErrorCatalogue } from 'saksi/catalogue'
import type { Bilingual } from './words.js'

/**
 * A `SaksiError` as the command line prints it, by its code from the catalogue: in Bahasa
 * Indonesia the code's sentence with the specific (English) detail after it; in English the detail.
 * @param e the error
 * @param options `code: false` leaves the code out; `catalogue` knows the code (default: the core's)
 */
export function saksiErrorText(e: SaksiError, options: { code?: boolean; catalogue?: ErrorCatalogue } = {}): Bilingual {
  const sentence = (options.catalogue ?? CORE_CATALOGUE).get(e.code)?.id
  const prefix = options.code === false ? '' : `${e.code}: `
  return {
    en: `${prefix}${e.message}`,
    id: sentence && sentence !== e.message ? `${prefix}${sentence}\n  (${e.message})` : `${prefix}${sentence ?? e.message}`,
  }
}
