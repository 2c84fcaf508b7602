import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// Layers from DESIGN.md "Layers": dependencies point down only.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'src')
const LAYERS = ['core', 'verify', 'client', 'store', 'contracts', 'node', 'api', 'cli', 'web'] as const
type Layer = (typeof LAYERS)[number]
/**
 * What each layer may import (besides itself and npm packages). Type-only imports are not counted:
 * the api layer takes the client's wire types (`import type`) but never its code.
 */
const ALLOWED: Record<Layer, Layer[]> = {
  core: [],
  verify: ['core'],
  client: ['core'],
  store: ['core'],
  contracts: ['core'],
  node: ['core', 'store', 'contracts'],
  api: ['core', 'store', 'contracts', 'node', 'verify'],
  cli: ['core', 'store', 'contracts', 'node', 'api', 'verify', 'client'],
  web: ['core', 'verify', 'client'],
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name)
    // `testing/` folders hold test support code: excluded from the build like *.test.ts files.
    if (d.isDirectory()) return d.name === 'testing' ? [] : sourceFiles(p)
    return /\.(ts|tsx)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : []
  })
}

/** Value imports of a source text (type-only imports are erased and do not count). */
function importsOf(text: string): string[] {
  const out: string[] = []
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|(typeof\s+)?\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm
  for (const m of text.matchAll(re)) {
    if (m[2] || m[4]) continue
    out.push((m[3] ?? m[5])!)
  }
  return out
}

function imports(file: string): string[] {
  return importsOf(readFileSync(file, 'utf8'))
}

function layerOf(file: string): Layer | undefined {
  const top = relative(src, file).split(/[\\/]/)[0]
  return LAYERS.find((l) => l === top)
}

const files = sourceFiles(src)

describe('architecture', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it('has every source file in a known layer', () => {
    expect(files.filter((f) => !layerOf(f)).map((f) => relative(root, f))).toEqual([])
  })

  it('lets each layer import only the layers below it', () => {
    const violations: string[] = []
    for (const file of files) {
      const from = layerOf(file)!
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue
        const to = layerOf(resolve(dirname(file), spec))
        if (to && to !== from && !ALLOWED[from].includes(to)) violations.push(`${relative(root, file)} (${from}) imports ${spec} (${to})`)
      }
    }
    expect(violations).toEqual([])
  })

  it('keeps core, the verification module and the client free of Node-only imports', () => {
    const violations: string[] = []
    for (const file of files) {
      const layer = layerOf(file)
      if (layer !== 'core' && layer !== 'verify' && layer !== 'contracts' && layer !== 'client') continue
      for (const spec of imports(file)) {
        if (spec.startsWith('node:') || ['fs', 'path', 'crypto', 'os', 'child_process', 'worker_threads', 'net', 'http'].includes(spec)) {
          violations.push(`${relative(root, file)} imports ${spec}`)
        }
      }
    }
    expect(violations).toEqual([])
  })

  it('keeps core free of clocks and randomness outside the key and nonce helpers', () => {
    const allowed = new Set(['core/crypto/ed25519.ts', 'core/tx/sign-tx.ts', 'core/request/sign-request.ts'])
    const violations = files
      .filter((f) => layerOf(f) === 'core' && !allowed.has(relative(src, f)))
      .filter((f) => /\bDate\.now\(|Math\.random\(|getRandomValues\(|new Date\(\)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f))
    expect(violations).toEqual([])
  })

  it('reads value imports and ignores type-only ones (the check itself works)', () => {
    const text = [
      "import { a } from '../store/x.js'",
      "import type { B } from 'node:crypto'",
      "export { c } from './c.js'",
      "type N = typeof import('node:fs')",
      "const m = await import('node:os')",
      "import {",
      "  d,",
      "} from 'node:path'",
    ].join('\n')
    expect(importsOf(text)).toEqual(['../store/x.js', './c.js', 'node:os', 'node:path'])
  })
})
