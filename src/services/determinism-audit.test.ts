import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Contracts run on every node and must compute the same thing: the runtime refuses what it can
// see (async bodies, non-JSON values); this audit catches the obvious rest in the sources.
const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\b/, 'Date: the only clock is ctx.time'],
  [/\bMath\.random\b/, 'Math.random: derive ids from ctx.txId or ctx.index'],
  [/\b(getRandomValues|randomUUID|randomBytes)\b/, 'randomness'],
  [/\bperformance\b/, 'performance: a clock'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask)\b/, 'timers'],
  [/\basync\b|\bawait\b/, 'async: bodies must be synchronous'],
  [/\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b/, 'I/O'],
  [/\bprocess\.|\brequire\s*\(/, 'the process and CommonJS loading'],
  [/\blocaleCompare\b|\bIntl\b|\btoLocale\w*String\b|\.normalize\s*\(/, 'locale- or ICU-dependent functions'],
  [/\bMath\.(sin|cos|tan|asin|acos|atan|atan2|exp|expm1|log|log1p|log2|log10|pow|sqrt|cbrt|hypot|sinh|cosh|tanh)\b/, 'engine-approximated Math functions'],
  // Module level only (our style never indents top-level code); locals in a body are fine.
  [/^(export\s+)?(let|var)\s/m, 'module-level mutable state'],
  [/\bglobalThis\b|\bWeakRef\b|\bFinalizationRegistry\b/, 'globals and GC-dependent behaviour'],
]
// json-logic-js (pinned) evaluates the welfare rules; its operators are pure and `validateRule`
// admits only integer, boolean and text operands.
const ALLOWED_PACKAGES = new Set(['zod', 'json-logic-js', 'saksi'])

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path)
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : []
  })
}

function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1')
}

// Every service's contract folder: src/services/<name>/contract.
const root = fileURLToPath(new URL('.', import.meta.url))
const contractDirs = readdirSync(root)
  .map((name) => join(root, name, 'contract'))
  .filter((dir) => statSync(dirname(dir)).isDirectory() && readdirSync(dirname(dir)).includes('contract'))
const files = contractDirs.flatMap((dir) => sources(dir).map((file) => ({ dir, file })))
const inside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep)

describe('contract sources', () => {
  describe('when audited for non-determinism', () => {
    it('use no clock, randomness, I/O, async, locale or module state', () => {
      expect(contractDirs.length).toBeGreaterThanOrEqual(3)
      const findings: string[] = []
      for (const { file } of files) {
        const text = code(readFileSync(file, 'utf8'))
        for (const [pattern, why] of FORBIDDEN) if (pattern.test(text)) findings.push(`${relative(root, file)}: ${why}`)
      }
      expect(findings).toEqual([])
    })
    it('import only zod, json-logic-js, their own folder and the core (`saksi`)', () => {
      const findings: string[] = []
      for (const { dir, file } of files) {
        for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
          const spec = m[1]!
          const ok = spec.startsWith('.') ? inside(resolve(dirname(file), spec), dir) : ALLOWED_PACKAGES.has(spec)
          if (!ok) findings.push(`${relative(root, file)}: imports ${spec}`)
        }
      }
      expect(findings).toEqual([])
    })
  })
})
