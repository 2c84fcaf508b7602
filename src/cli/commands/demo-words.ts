import { defineWords } from '../words/words.js'

/** The words of `saksi demo` itself (each service's demo step has its own). */
export const DEMO_WORDS = defineWords(
  {
    description: 'create the Kota Contoh demo network if DIR is new, load demo data through signed transactions (once), then serve it',
    data: 'the data directory (created if new)',
    alreadyLoaded: (entries: number) => `The log already holds ${entries} entries; not loading the demo again.`,
  },
  {
    description: 'membuat jaringan demo Kota Contoh bila DIR masih baru, memuat data demo melalui transaksi bertanda tangan (sekali saja), lalu melayaninya',
    data: 'direktori data (dibuat bila belum ada)',
    alreadyLoaded: (entries: number) => `Log sudah berisi ${entries} entri; data demo tidak dimuat lagi.`,
  },
)
