/**
 * Synthetic households of Kota Contoh for the welfare demo: Indonesian names, kelurahan-level
 * addresses and NIKs that look real but are generated (never on the log: they go to the vault).
 * Seeded, so every demo has the same families.
 */

/** A person's personal data, as the vault stores it. */
export interface DemoPerson {
  name: string
  nik: string
  birthDate: string
  relationship: 'head' | 'spouse' | 'child' | 'parent'
  schoolLevel: 'none' | 'paud' | 'sd' | 'smp' | 'sma'
  disability: 'none' | 'moderate' | 'severe'
  pregnant: boolean
}

/** A household with its address and family card number (vault), region and decile (log). */
export interface DemoHousehold {
  region: string
  address: string
  familyCard: string
  incomeDecile: number
  members: DemoPerson[]
}

const GIVEN_M = ['Budi', 'Agus', 'Joko', 'Bambang', 'Made', 'Andi', 'Dedi', 'Eko', 'Hendra', 'Rudi', 'Slamet', 'Wahyu', 'Yusuf', 'Rizky', 'Fajar', 'Dimas']
const GIVEN_F = ['Siti', 'Dewi', 'Rina', 'Nur', 'Fitri', 'Sri', 'Ayu', 'Wulan', 'Indah', 'Lestari', 'Ratna', 'Yuni', 'Putri', 'Aisyah', 'Intan', 'Mega']
const FAMILY = ['Santoso', 'Rahayu', 'Setiawan', 'Wijaya', 'Hartono', 'Pratama', 'Saputra', 'Kusuma', 'Hidayat', 'Nugroho', 'Susanto', 'Wibowo', 'Siregar', 'Simanjuntak', 'Lubis', 'Nasution']
const STREETS = ['Jl. Merdeka', 'Jl. Pahlawan', 'Jl. Cempaka', 'Jl. Melati', 'Gg. Mawar', 'Jl. Kenanga', 'Jl. Sudirman', 'Gg. Flamboyan']
/** Kelurahan of Kota Contoh (kode wilayah 32.73.kk.1xxx), with their names. */
export const KELURAHAN: readonly { code: string; name: string }[] = [
  { code: '32.73.01.1001', name: 'Sukamaju' },
  { code: '32.73.01.1002', name: 'Sukasari' },
  { code: '32.73.02.1001', name: 'Cibeunying' },
  { code: '32.73.02.1002', name: 'Cigadung' },
  { code: '32.73.03.1001', name: 'Babakan' },
  { code: '32.73.03.1002', name: 'Karanganyar' },
]

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `n` households (seeded). About one in six is above the fourth decile or has no member who meets a
 * PKH component, so the demo shows refusals with their reasons.
 * @param n how many
 * @param year the current year, for ages and school levels
 */
export function demoHouseholds(n: number, year: number, seed = 2026): DemoHousehold[] {
  const rnd = mulberry32(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  let serial = 1
  const person = (p: Omit<DemoPerson, 'nik' | 'birthDate'> & { born: number }, kel: string): DemoPerson => {
    const month = between(1, 12)
    const day = between(1, 28)
    // NIK: 6-digit region, DDMMYY (day + 40 for women, omitted here), 4-digit serial: synthetic.
    const region = kel.replaceAll('.', '').slice(0, 6)
    const nik = `${region}${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(p.born % 100).padStart(2, '0')}${String(serial++ % 10000).padStart(4, '0')}`
    const { born, ...rest } = p
    return { ...rest, nik, birthDate: `${born}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` }
  }
  return Array.from({ length: n }, (_, i) => {
    const kel = pick(KELURAHAN)
    const family = pick(FAMILY)
    const refused = i % 6 === 5
    const headBorn = year - between(28, 60)
    const members: DemoPerson[] = [person({ name: `${pick(GIVEN_M)} ${family}`, relationship: 'head', schoolLevel: 'none', disability: rnd() < 0.05 ? 'severe' : 'none', pregnant: false, born: headBorn }, kel.code)]
    if (rnd() < 0.85) members.push(person({ name: `${pick(GIVEN_F)} ${pick(FAMILY)}`, relationship: 'spouse', schoolLevel: 'none', disability: 'none', pregnant: !refused && rnd() < 0.12, born: headBorn + between(-3, 6) }, kel.code))
    const children = refused && i % 12 === 11 ? 0 : between(refused ? 0 : 1, 4)
    for (let c = 0; c < children; c++) {
      const age = between(0, 17)
      const schoolLevel = age < 4 ? 'none' : age < 7 ? 'paud' : age < 13 ? 'sd' : age < 16 ? 'smp' : 'sma'
      members.push(person({ name: `${pick(rnd() < 0.5 ? GIVEN_M : GIVEN_F)} ${family}`, relationship: 'child', schoolLevel, disability: rnd() < 0.03 ? 'severe' : 'none', pregnant: false, born: year - age }, kel.code))
    }
    if (!refused && rnd() < 0.15) members.push(person({ name: `${pick(GIVEN_F)} ${family}`, relationship: 'parent', schoolLevel: 'none', disability: 'none', pregnant: false, born: year - between(70, 85) }, kel.code))
    return {
      region: kel.code,
      address: `${pick(STREETS)} No. ${between(1, 120)}, RT ${String(between(1, 12)).padStart(3, '0')}/RW ${String(between(1, 9)).padStart(3, '0')}, Kel. ${kel.name}, Kota Contoh`,
      familyCard: `${kel.code.replaceAll('.', '').slice(0, 6)}${String(between(1, 999_999_999)).padStart(10, '0')}`,
      incomeDecile: refused && i % 12 === 5 ? between(5, 8) : between(1, 4),
      members,
    }
  })
}
