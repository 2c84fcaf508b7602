import { canonicalJson } from 'saksi'
import type { KeyRange, StateStore } from 'saksi'
import { AuditFailure, attribute } from './audit-failure.js'
import type { AuditStateEntry } from './audit-source.js'

const PAGE = 1000

type Page = (after: string) => Promise<AuditStateEntry[]> | AuditStateEntry[]

async function* walk(page: Page): AsyncGenerator<AuditStateEntry> {
  let after = ''
  for (;;) {
    const entries = await page(after)
    for (const e of entries) yield e
    if (entries.length < PAGE) return
    after = entries[entries.length - 1]!.key
  }
}

/**
 * The entries of `contract` in `state` with keys after `after`, a page at a time.
 * @param state a state store
 * @param contract the namespace
 * @param after keys strictly after this one ('' from the start)
 * @param limit at most this many
 */
export function stateAfter(state: StateStore, contract: string, after: string, limit: number): AuditStateEntry[] {
  return entriesAfter(state.range(contract, pageRange(after, limit)), after, limit)
}

/** The scan that {@link entriesAfter} pages: keys from `after` (inclusive), one more than `limit`. */
export function pageRange(after: string, limit: number): KeyRange {
  return { lo: after, reverse: false, limit: limit + 1 }
}

/** The entries of a {@link pageRange} scan strictly after `after`, at most `limit` of them. */
export function entriesAfter(entries: AuditStateEntry[], after: string, limit: number): AuditStateEntry[] {
  const rest = entries.length > 0 && entries[0]!.key === after && after !== '' ? entries.slice(1) : entries
  return rest.slice(0, limit)
}

/**
 * Compares the stored contract state with the re-executed one, key by key in key order: a key
 * missing on either side or a value that differs fails the audit.
 * @param expected the re-executed state
 * @param stored reads the stored state of a contract after a key
 * @param contracts the namespaces to compare
 * @returns the number of keys compared
 * @throws AuditFailure at `state <contract>/<key>`
 */
export async function compareState(
  expected: StateStore,
  stored: (contract: string, after: string, limit: number) => Promise<AuditStateEntry[]>,
  contracts: readonly string[],
): Promise<number> {
  let keys = 0
  for (const contract of contracts) {
    const want = walk((after) => stateAfter(expected, contract, after, PAGE))
    const have = walk((after) => attribute(`state ${contract}/${after === '' ? '' : `${after}...`}`, () => stored(contract, after, PAGE)))
    const next = async (g: AsyncGenerator<AuditStateEntry>) => {
      const r = await g.next()
      return r.done ? undefined : r.value
    }
    let w = await next(want)
    let h = await next(have)
    let lastKey: string | undefined
    while (w || h) {
      if (h && (!w || h.key < w.key)) {
        throw new AuditFailure(`state ${contract}/${h.key}`, 'AUDIT_STATE_EXTRA', 'the store holds this key; re-executing the log does not produce it')
      }
      if (w && (!h || w.key < h.key)) {
        throw new AuditFailure(`state ${contract}/${w.key}`, 'AUDIT_STATE_MISSING', 're-executing the log produces this key; the store does not hold it')
      }
      const key = w!.key
      if (lastKey !== undefined && key <= lastKey) throw new AuditFailure(`state ${contract}/${key}`, 'AUDIT_STATE_ORDER', 'the store answers keys out of order')
      if (canonicalJson(w!.value) !== canonicalJson(h!.value)) {
        throw new AuditFailure(`state ${contract}/${key}`, 'AUDIT_STATE_VALUE_MISMATCH', 'the stored value differs from the re-executed one')
      }
      lastKey = key
      keys++
      w = await next(want)
      h = await next(have)
    }
  }
  return keys
}
