import type { WordsText } from 'saksi'

/** Words for a procurement process's stages, Bahasa Indonesia first. */
export const STAGE_WORDS: Readonly<Record<string, WordsText>> = {
  planning: { id: 'Perencanaan', en: 'planning' },
  tender: { id: 'Tender berjalan', en: 'tender open' },
  awarded: { id: 'Pemenang ditetapkan', en: 'awarded' },
  unsuccessful: { id: 'Tender gagal', en: 'unsuccessful' },
  cancelled: { id: 'Dibatalkan', en: 'cancelled' },
  contracted: { id: 'Kontrak berjalan', en: 'under contract' },
  complete: { id: 'Selesai', en: 'complete' },
}

/** Words for a delivery milestone's status. */
export const MILESTONE_WORDS: Readonly<Record<string, WordsText>> = {
  scheduled: { id: 'Belum', en: 'scheduled' },
  partiallyMet: { id: 'Sebagian', en: 'partly met' },
  met: { id: 'Terpenuhi', en: 'met' },
}

/** Words for a shipment's status. */
export const SHIPMENT_STATUS_WORDS: Readonly<Record<string, WordsText>> = {
  'in-transit': { id: 'Dalam perjalanan', en: 'in transit' },
  arrived: { id: 'Tiba', en: 'arrived' },
  inspected: { id: 'Diperiksa', en: 'inspected' },
}

/** Words for a shipment's movements. */
export const MOVEMENT_WORDS: Readonly<Record<string, WordsText>> = {
  dispatch: { id: 'Berangkat', en: 'dispatched' },
  location: { id: 'Posisi', en: 'location' },
  arrival: { id: 'Tiba', en: 'arrived' },
}

/**
 * A value's words as one label, Bahasa Indonesia first: `Tiba (arrived)`; the value itself when
 * the table has no words for it.
 * @param table one of the tables above
 * @param value e.g. a shipment's status
 */
export function label(table: Readonly<Record<string, WordsText>>, value: string): string {
  const w = table[value]
  return w ? `${w.id} (${w.en})` : value
}
