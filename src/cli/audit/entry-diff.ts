import { fromUtf8 } from '../../core/encoding/bytes.js'
import { canonicalJson } from '../../core/encoding/jcs.js'
import type { JsonValue } from '../../core/encoding/json.js'

const FIELDS = ['v', 'index', 'block', 'time', 'txId', 'tx', 'sig', 'result'] as const
const RESULT_FIELDS = ['status', 'code', 'message', 'events', 'writes'] as const

function decode(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(fromUtf8(bytes))
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b
  return canonicalJson(a as JsonValue) === canonicalJson(b as JsonValue)
}

function short(v: unknown): string {
  const s = v === undefined ? 'absent' : JSON.stringify(v)
  return s.length > 80 ? `${s.slice(0, 77)}...` : s
}

/**
 * Says where a stored entry differs from the entry re-execution produced, for the audit's message:
 * the first differing field (inside `result`, the first differing result field).
 * @param stored the stored bytes
 * @param expected the re-executed bytes
 * @returns e.g. `result.code is "IDENTITY_EXISTS", re-execution gives absent`
 */
export function describeEntryDiff(stored: Uint8Array, expected: Uint8Array): string {
  const s = decode(stored)
  const e = decode(expected)
  if (!s || !e) return 'the stored bytes are not the re-executed entry'
  for (const f of FIELDS) {
    if (same(s[f], e[f])) continue
    if (f === 'result' && typeof s.result === 'object' && s.result !== null) {
      const sr = s.result as Record<string, unknown>
      const er = e.result as Record<string, unknown>
      for (const rf of RESULT_FIELDS) {
        if (!same(sr[rf], er[rf])) return `result.${rf} is ${short(sr[rf])}, re-execution gives ${short(er[rf])}`
      }
    }
    return `${f} is ${short(s[f])}, re-execution gives ${short(e[f])}`
  }
  return 'the stored bytes are not the canonical encoding of the re-executed entry'
}
