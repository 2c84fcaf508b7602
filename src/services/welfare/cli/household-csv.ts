import { parse } from 'csv-parse/sync'
import { bilingual, CliError } from '../../../cli/index.js'
import { WELFARE_WORDS } from './welfare-words.js'

/** The columns of a household import file, one row per person. */
export const HOUSEHOLD_CSV_COLUMNS = ['household', 'region', 'income_decile', 'relationship', 'name', 'nik', 'birth_date', 'school_level', 'disability', 'pregnant', 'address', 'consent'] as const

/** A person of an imported household (personal data: goes to the vault, never to the log). */
export interface ImportPerson {
  row: number
  name: string
  nik: string
  birthDate: string
  relationship: string
  schoolLevel: string
  disability: string
  pregnant: boolean
}

/** A household read from the file. */
export interface ImportHousehold {
  /** The file's own key for the household (e.g. the family card number). */
  key: string
  /** The first row of the household. */
  row: number
  region: string
  incomeDecile: number
  address: string
  consent: 'thumbprint' | 'signature-on-paper' | 'witnessed-verbal'
  people: ImportPerson[]
}

/** A row or household refused before anything was sent. */
export interface ImportReject {
  row: number
  household: string
  code: string
  message: string
}

const RELATIONSHIPS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'in-law', 'other']
const SCHOOL = ['none', 'paud', 'sd', 'smp', 'sma']
const DISABILITY = ['none', 'moderate', 'severe']
const CONSENT = ['thumbprint', 'signature-on-paper', 'witnessed-verbal']
const YES = new Set(['true', 'ya', 'yes', '1'])
const NO = new Set(['false', 'tidak', 'no', '0', ''])

function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && Number(m[1]) >= 1900
}

/**
 * Reads a household import file (CSV with a header of {@link HOUSEHOLD_CSV_COLUMNS}, one row per
 * person, the rows of a household together, its head's row carrying region, decile, address and
 * consent). Each problem is reported with its row number (1 = the header) and the household is
 * left out; the rest are returned.
 * @param text the file's text (UTF-8)
 * @throws CliError if the header is missing columns (nothing can be read then)
 */
export function readHouseholdCsv(text: string): { households: ImportHousehold[]; rejects: ImportReject[] } {
  const rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][]
  const header = (rows[0] ?? []).map((h) => h.toLowerCase())
  const missing = HOUSEHOLD_CSV_COLUMNS.filter((c) => !header.includes(c))
  if (missing.length > 0) throw new CliError(bilingual(WELFARE_WORDS, (w) => w.badHeader(missing.join(', '), HOUSEHOLD_CSV_COLUMNS.join(','))))
  const col = Object.fromEntries(HOUSEHOLD_CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof HOUSEHOLD_CSV_COLUMNS)[number], number>
  const rejects: ImportReject[] = []
  const byKey = new Map<string, { rows: { row: number; cells: string[] }[]; bad: boolean }>()
  const order: string[] = []
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2
    const key = cells[col.household] ?? ''
    const reject = (code: string, message: string) => rejects.push({ row, household: key, code, message })
    if (key === '') return reject('ROW_INVALID', 'household is empty')
    let group = byKey.get(key)
    if (!group) {
      byKey.set(key, (group = { rows: [], bad: false }))
      order.push(key)
    } else if (order.at(-1) !== key) {
      group.bad = true
      return reject('ROW_INVALID', 'the rows of a household must be together')
    }
    group.rows.push({ row, cells })
  })
  const households: ImportHousehold[] = []
  for (const key of order) {
    const group = byKey.get(key)!
    const problems: ImportReject[] = []
    const people: ImportPerson[] = []
    let head: { row: number; cells: string[] } | undefined
    for (const { row, cells } of group.rows) {
      const v = (c: keyof typeof col) => cells[col[c]] ?? ''
      const bad = (message: string) => problems.push({ row, household: key, code: 'ROW_INVALID', message })
      const relationship = v('relationship').toLowerCase()
      if (!RELATIONSHIPS.includes(relationship)) bad(`relationship "${v('relationship')}" is not one of ${RELATIONSHIPS.join(', ')}`)
      if (relationship === 'head') head = { row, cells }
      if (v('name') === '') bad('name is empty')
      if (!/^\d{16}$/.test(v('nik'))) bad('nik must be 16 digits')
      if (!validDate(v('birth_date'))) bad('birth_date must be a date like 1990-04-12')
      const school = v('school_level').toLowerCase() || 'none'
      if (!SCHOOL.includes(school)) bad(`school_level "${v('school_level')}" is not one of ${SCHOOL.join(', ')}`)
      const disability = v('disability').toLowerCase() || 'none'
      if (!DISABILITY.includes(disability)) bad(`disability "${v('disability')}" is not one of ${DISABILITY.join(', ')}`)
      const pregnant = v('pregnant').toLowerCase()
      if (!YES.has(pregnant) && !NO.has(pregnant)) bad(`pregnant "${v('pregnant')}" must be ya/tidak (true/false)`)
      people.push({ row, name: v('name'), nik: v('nik'), birthDate: v('birth_date'), relationship, schoolLevel: school, disability, pregnant: YES.has(pregnant) })
    }
    const heads = people.filter((p) => p.relationship === 'head').length
    if (heads !== 1) problems.push({ row: group.rows[0]!.row, household: key, code: 'HOUSEHOLD_INVALID', message: `a household has exactly one head, found ${heads}` })
    const niks = people.map((p) => p.nik)
    if (new Set(niks).size !== niks.length) problems.push({ row: group.rows[0]!.row, household: key, code: 'HOUSEHOLD_INVALID', message: 'a NIK appears twice in the household' })
    let region = ''
    let incomeDecile = 0
    let consent = ''
    if (head) {
      const v = (c: keyof typeof col) => head!.cells[col[c]] ?? ''
      region = v('region')
      incomeDecile = Number(v('income_decile'))
      consent = v('consent').toLowerCase()
      if (!/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(region)) problems.push({ row: head.row, household: key, code: 'ROW_INVALID', message: `region "${region}" is not a region code like 32.73.01.1001` })
      if (!Number.isInteger(incomeDecile) || incomeDecile < 1 || incomeDecile > 10 || v('income_decile') === '') problems.push({ row: head.row, household: key, code: 'ROW_INVALID', message: 'income_decile must be 1-10' })
      if (!CONSENT.includes(consent)) problems.push({ row: head.row, household: key, code: 'ROW_INVALID', message: `consent "${v('consent')}" is not one of ${CONSENT.join(', ')}` })
      if (v('address') === '') problems.push({ row: head.row, household: key, code: 'ROW_INVALID', message: 'address is empty on the head row' })
    }
    if (group.bad || problems.length > 0) {
      rejects.push(...problems)
      continue
    }
    households.push({ key, row: group.rows[0]!.row, region, incomeDecile, address: head!.cells[col.address]!, consent: consent as ImportHousehold['consent'], people: [people.find((p) => p.relationship === 'head')!, ...people.filter((p) => p.relationship !== 'head')] })
  }
  rejects.sort((a, b) => a.row - b.row)
  return { households, rejects }
}
