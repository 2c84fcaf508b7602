import type { JsonObject } from 'saksi'
import type { BidContent } from './records.js'

/**
 * The pilot's purchase, as data: a city's parks office (Dinas Pertamanan) buys park benches and
 * litter bins. Used by the tests and by `saksi demo`.
 */
export function parkBenchPlan(process: string): JsonObject {
  return {
    process,
    title: 'Pengadaan bangku taman dan tempat sampah 2026',
    description: 'Bangku taman kayu ulin dengan rangka besi cor dan tempat sampah terpilah untuk taman kota (Park benches and sorted litter bins for the city parks).',
    budget: 260_000_000,
    items: [
      {
        id: 'bangku',
        description: 'Bangku taman 150 cm, kayu ulin, rangka besi cor, dicat anti karat (park bench)',
        classification: { scheme: 'UNSPSC', id: '56101504', description: 'Benches' },
        quantity: 50,
        unit: 'unit',
        origin: 'domestic',
        unitEstimate: 4_500_000,
      },
      {
        id: 'tempat-sampah',
        description: 'Tempat sampah terpilah 3 x 60 liter, tiang besi (sorted litter bin)',
        classification: { scheme: 'UNSPSC', id: '47121701', description: 'Trash bags or bins' },
        quantity: 20,
        unit: 'unit',
        origin: 'any',
        unitEstimate: 1_200_000,
      },
    ],
  }
}

/** The tender's evaluation criteria: a weighted score, local content required. */
export const parkBenchCriteria: JsonObject = {
  method: 'ratedCriteria',
  weights: { price: 70, delivery: 20, localContent: 10 },
  maxDeliveryDays: 60,
  minLocalContent: 40,
}

/** A bid for the park-bench tender. */
export function parkBenchBid(bench: number, bin: number, deliveryDays: number, localContent: number, benchOrigin: 'domestic' | 'imported' = 'domestic'): BidContent {
  return {
    prices: [
      { item: 'bangku', unitPrice: bench },
      { item: 'tempat-sampah', unitPrice: bin },
    ],
    deliveryDays,
    localContent,
    origin: [
      { item: 'bangku', origin: benchOrigin },
      { item: 'tempat-sampah', origin: 'imported' },
    ],
  }
}
