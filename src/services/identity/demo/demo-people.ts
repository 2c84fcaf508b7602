/** A citizen of Kota Contoh in the demo, and whether an official verifies them. */
export interface DemoCitizen {
  /** File name of their key, `keys/warga/<slug>.pem`. */
  slug: string
  name: string
  /** Who verifies them: an organisation's verifier, or nobody (they stay unverified). */
  verifiedBy?: 'dukcapil' | 'dinsos'
  /** How the official checked them (never a NIK: the log holds no personal data). */
  method?: 'ktp-in-person' | 'ktp-el-chip' | 'family-card'
}

/** A dozen synthetic citizens with Indonesian names; seven get verified. */
export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  { slug: 'siti-rahayu', name: 'Siti Rahayu', verifiedBy: 'dukcapil', method: 'ktp-el-chip' },
  { slug: 'budi-santoso', name: 'Budi Santoso', verifiedBy: 'dukcapil', method: 'ktp-in-person' },
  { slug: 'dewi-lestari', name: 'Dewi Lestari', verifiedBy: 'dinsos', method: 'family-card' },
  { slug: 'agus-setiawan', name: 'Agus Setiawan', verifiedBy: 'dukcapil', method: 'ktp-el-chip' },
  { slug: 'rina-wulandari', name: 'Rina Wulandari' },
  { slug: 'joko-prasetyo', name: 'Joko Prasetyo', verifiedBy: 'dinsos', method: 'ktp-in-person' },
  { slug: 'nur-aisyah', name: 'Nur Aisyah' },
  { slug: 'bambang-hartono', name: 'Bambang Hartono', verifiedBy: 'dukcapil', method: 'ktp-in-person' },
  { slug: 'putu-ayu-kartika', name: 'Putu Ayu Kartika' },
  { slug: 'made-wirawan', name: 'Made Wirawan', verifiedBy: 'dinsos', method: 'ktp-el-chip' },
  { slug: 'andi-pratama', name: 'Andi Pratama' },
  { slug: 'fitri-handayani', name: 'Fitri Handayani' },
]

/** The officials the organisation admins appoint, one identity verifier in each office that may. */
export const DEMO_OFFICIALS = [
  { org: 'dukcapil', slug: 'dukcapil-verifier', title: 'petugas verifikasi Dukcapil', roles: ['identity.verifier'] },
  { org: 'dinsos', slug: 'dinsos-verifier', title: 'petugas verifikasi Dinas Sosial', roles: ['identity.verifier'] },
] as const
