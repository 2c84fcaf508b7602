import { fromUtf8 } from 'saksi'

function decode(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(fromUtf8(bytes)) as unknown
  } catch {
    return undefined
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function short(v: unknown): string {
  const s = v === undefined ? 'absent' : JSON.stringify(v)
  return s.length > 80 ? `${s.slice(0, 77)}...` : s
}

// The first path (in JCS key order) where two JSON values differ, with both sides there.
function firstDifference(a: unknown, b: unknown, path: string): [string, unknown, unknown] | undefined {
  if (isObject(a) && isObject(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const d = firstDifference(a[k], b[k], path === '' ? k : `${path}.${k}`)
      if (d) return d
    }
    return undefined
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`)
      if (d) return d
    }
    return undefined
  }
  return a === b ? undefined : [path, a, b]
}

/**
 * Says where a stored entry differs from the entry re-execution produced, for the audit's message.
 * @param stored the stored bytes
 * @param expected the re-executed bytes
 * @returns e.g. `result.events[0].data.name is "Cudi Santoso", re-execution gives "Budi Santoso"`
 */
export function describeEntryDiff(stored: Uint8Array, expected: Uint8Array): string {
  const s = decode(stored)
  if (s === undefined) return 'the stored bytes are not JSON'
  const d = firstDifference(s, decode(expected), '')
  if (!d) return 'the stored bytes are not the canonical encoding of the re-executed entry'
  return `${d[0] === '' ? 'the entry' : d[0]} is ${short(d[1])}, re-execution gives ${short(d[2])}`
}
