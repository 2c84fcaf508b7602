import type { JsonObject } from 'saksi'

/**
 * Rules modelled on Indonesia's conditional cash transfer, Program Keluarga Harapan (PKH): yearly
 * amounts per component (Kemensos, 2024) paid quarterly, at most four components per family,
 * families in the poorest four deciles of the socio-economic register (DTKS).
 */
export function pkhRules(effectiveFrom: string, budgetPerPeriod = 5_000_000_000, householdCap = 10_800_000 / 4): JsonObject {
  const member = (id: string, idText: string, en: string, perYear: number, when: JsonObject): JsonObject => ({
    id,
    label: { id: idText, en },
    amount: perYear / 4,
    per: 'member',
    when,
  })
  return {
    effectiveFrom,
    criteria: [
      {
        id: 'desil',
        rule: { '<=': [{ var: 'incomeDecile' }, 4] },
        reason: {
          id: 'Keluarga tidak termasuk 40% penduduk berpendapatan terendah (desil 1-4) menurut DTKS.',
          en: 'The household is not among the poorest 40% (deciles 1-4) of the socio-economic register.',
        },
      },
      {
        id: 'komponen',
        rule: {
          some: [
            { var: 'members' },
            {
              or: [
                { var: 'pregnant' },
                { '<=': [{ var: 'age' }, 6] },
                { in: [{ var: 'schoolLevel' }, ['sd', 'smp', 'sma']] },
                { '==': [{ var: 'disability' }, 'severe'] },
                { '>=': [{ var: 'age' }, 70] },
              ],
            },
          ],
        },
        reason: {
          id: 'Tidak ada anggota keluarga yang memenuhi komponen PKH (ibu hamil, anak usia dini, anak sekolah, disabilitas berat, lanjut usia).',
          en: 'No member meets a PKH component (pregnancy, early childhood, school child, severe disability, elderly).',
        },
      },
    ],
    components: [
      member('ibu-hamil', 'Ibu hamil', 'Pregnancy', 3_000_000, { var: 'pregnant' }),
      member('anak-usia-dini', 'Anak usia dini (0-6 tahun)', 'Early childhood (0-6)', 3_000_000, { '<=': [{ var: 'age' }, 6] }),
      member('sd', 'Anak SD', 'Primary school child', 900_000, { '==': [{ var: 'schoolLevel' }, 'sd'] }),
      member('smp', 'Anak SMP', 'Junior high school child', 1_500_000, { '==': [{ var: 'schoolLevel' }, 'smp'] }),
      member('sma', 'Anak SMA', 'Senior high school child', 2_000_000, { '==': [{ var: 'schoolLevel' }, 'sma'] }),
      member('disabilitas-berat', 'Penyandang disabilitas berat', 'Severe disability', 2_400_000, { '==': [{ var: 'disability' }, 'severe'] }),
      member('lansia', 'Lanjut usia (70 tahun ke atas)', 'Elderly (70 and over)', 2_400_000, { '>=': [{ var: 'age' }, 70] }),
    ],
    maxComponents: 4,
    householdCap,
    budgetPerPeriod,
  }
}
