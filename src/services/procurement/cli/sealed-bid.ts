import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { bidCommitment, evaluateBids, BidContentInput } from '../contract/index.js'
import type { BidContent, Process } from '../contract/index.js'
import { bilingual, CliError } from '../../../cli/index.js'
import { PROCUREMENT_WORDS as W } from './procurement-words.js'

/** A sealed bid as the supplier keeps it until the reveal: everything needed to open the commitment. */
export interface SealedBid {
  v: 1
  process: string
  supplier: string
  bid: BidContent
  /** 64 hex digits; whoever holds it before the deadline can test guesses of the price. */
  salt: string
  commitment: string
}

const SEALED_FILE_MODE = 0o600

/**
 * Reads and checks a bid file (the bid's content as `procurement.revealBid` takes it).
 * @throws CliError naming the field that is wrong
 */
export function parseBid(text: string, file: string): BidContent {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    throw new CliError(bilingual(W, (w) => w.notJson(file, (e as Error).message)))
  }
  const parsed = BidContentInput.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new CliError(bilingual(W, (w) => w.fieldProblem(file, issue.path.join('.'), issue.message)))
  }
  return parsed.data
}

/**
 * Why a bid cannot be revealed in this tender (it must price and place each tendered item once),
 * or would be out of the evaluation (the published criteria's reasons, in English).
 */
export function bidProblems(p: Process, bid: BidContent): { fatal: string[]; nonCompliance: string[] } {
  const items = p.items.map((i) => i.id).sort()
  const fatal: string[] = []
  for (const [field, lines] of [['prices', bid.prices], ['origin', bid.origin]] as const) {
    const got = lines.map((l) => l.item).sort()
    if (got.length !== items.length || got.some((g, i) => g !== items[i])) fatal.push(`${field} must list each tendered item once: ${items.join(', ')}`)
  }
  if (fatal.length > 0 || !p.tender) return { fatal, nonCompliance: [] }
  const ranked = evaluateBids(p.items, p.tender.criteria, [{ supplier: '-', index: 0, content: bid }]).ranking[0]!
  return { fatal, nonCompliance: ranked.reasons.map((r) => r.en) }
}

/** Seals a bid: a fresh 32-byte salt and the commitment that `procurement.commitBid` takes. */
export function sealBid(process: string, supplier: string, bid: BidContent): SealedBid {
  const salt = randomBytes(32).toString('hex')
  return { v: 1, process, supplier, bid, salt, commitment: bidCommitment({ process, supplier, bid, salt }) }
}

/**
 * Writes a sealed bid, readable by its owner only, and never over an existing file: losing the salt
 * of a committed bid means it can never be revealed.
 * @throws CliError if the file exists or cannot be written
 */
export async function writeSealedBid(path: string, sealed: SealedBid): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(sealed, null, 2)}\n`, { mode: SEALED_FILE_MODE, flag: 'wx' })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new CliError(bilingual(W, (w) => (code === 'EEXIST' ? w.sealedExists(path) : w.cannotWrite(path, code ?? (e as Error).message))))
  }
}

/**
 * Reads a sealed bid and checks that its salt still opens its commitment.
 * @throws CliError if the file is missing, malformed or altered
 */
export async function readSealedBid(path: string): Promise<SealedBid> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    throw new CliError(bilingual(W, (w) => w.cannotRead(path, (e as NodeJS.ErrnoException).code ?? (e as Error).message)))
  }
  let s: SealedBid
  try {
    s = JSON.parse(text) as SealedBid
  } catch (e) {
    throw new CliError(bilingual(W, (w) => w.notJson(path, (e as Error).message)))
  }
  if (s?.v !== 1 || typeof s.process !== 'string' || typeof s.supplier !== 'string' || typeof s.salt !== 'string' || typeof s.commitment !== 'string') {
    throw new CliError(bilingual(W, (w) => w.notSealedBid(path)))
  }
  const bid = parseBid(JSON.stringify(s.bid), path)
  let again: string
  try {
    again = bidCommitment({ process: s.process, supplier: s.supplier, bid, salt: s.salt })
  } catch {
    throw new CliError(bilingual(W, (w) => w.badSalt(path)))
  }
  if (again !== s.commitment) throw new CliError(bilingual(W, (w) => w.altered(path)))
  return { ...s, bid }
}
