import { describe, expect, it } from 'vitest'
import { readHouseholdCsv } from './household-csv.js'

const HEADER = 'household,region,income_decile,relationship,name,nik,birth_date,school_level,disability,pregnant,address,consent'
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n')

describe('readHouseholdCsv', () => {
  it('groups rows into households, head first, with its household fields', () => {
    const r = readHouseholdCsv(
      csv(
        'KK1,32.73.01.1001,,child,Rizky,3273011203150002,2015-03-12,sd,,tidak,,',
        'KK1,32.73.01.1001,3,head,Siti Aminah,3273014501900001,1990-01-05,none,none,ya,"Jl. Melati No. 3, Kota Contoh",thumbprint',
        'KK2,32.73.02.1001,2,head,Budi,3273020101800003,1980-01-01,,,,Gg. Mawar 1,signature-on-paper',
      ),
    )
    expect(r.rejects).toEqual([])
    expect(r.households.map((h) => [h.key, h.people.map((p) => p.name), h.incomeDecile, h.address])).toEqual([
      ['KK1', ['Siti Aminah', 'Rizky'], 3, 'Jl. Melati No. 3, Kota Contoh'],
      ['KK2', ['Budi'], 2, 'Gg. Mawar 1'],
    ])
    expect(r.households[0]!.people[0]).toMatchObject({ pregnant: true, schoolLevel: 'none' })
    expect(r.households[0]!.people[1]).toMatchObject({ pregnant: false, schoolLevel: 'sd', disability: 'none' })
  })

  it('reports every bad row with its row number and leaves its household out', () => {
    const r = readHouseholdCsv(
      csv(
        'KK1,32.73.01.1001,3,head,Siti,327301450190000,1990-01-05,none,none,tidak,Jl. A,thumbprint',
        'KK2,32.73.01.1001,3,head,Budi,3273014501900002,1990-02-30,kuliah,none,mungkin,Jl. B,thumbprint',
        'KK3,32.73.01.1001,3,child,Ani,3273014501900003,2015-01-01,sd,none,tidak,,',
        'KK4,bogor,11,head,Dedi,3273014501900004,1980-01-01,none,none,tidak,,email',
        'KK5,32.73.01.1001,3,head,Eko,3273014501900005,1980-01-01,none,none,tidak,Jl. E,thumbprint',
        'KK6,32.73.01.1001,3,head,Fajar,3273014501900006,1980-01-01,none,none,tidak,Jl. F,thumbprint',
        'KK5,32.73.01.1001,3,child,Eka,3273014501900007,2015-01-01,sd,none,tidak,,',
      ),
    )
    expect(r.households.map((h) => h.key)).toEqual(['KK6'])
    expect(r.rejects.map((x) => [x.row, x.household, x.message])).toEqual([
      [2, 'KK1', 'nik must be 16 digits'],
      [3, 'KK2', 'birth_date must be a date like 1990-04-12'],
      [3, 'KK2', 'school_level "kuliah" is not one of none, paud, sd, smp, sma'],
      [3, 'KK2', 'pregnant "mungkin" must be ya/tidak (true/false)'],
      [4, 'KK3', 'a household has exactly one head, found 0'],
      [5, 'KK4', 'region "bogor" is not a region code like 32.73.01.1001'],
      [5, 'KK4', 'income_decile must be 1-10'],
      [5, 'KK4', 'consent "email" is not one of thumbprint, signature-on-paper, witnessed-verbal'],
      [5, 'KK4', 'address is empty on the head row'],
      [8, 'KK5', 'the rows of a household must be together'],
    ])
  })

  it('refuses a file without the needed columns', () => {
    expect(() => readHouseholdCsv('household,name\nKK1,Siti')).toThrow(/lacks region, income_decile/)
  })
})
