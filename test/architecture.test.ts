import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// Layers from DESIGN.md "Layers": dependencies point down only.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'src')
/** The workspace package `saksi` (core, verify, client, catalogue): what a browser loads. */
const sdkSrc = join(root, 'packages/saksi/src')
/** The package's export paths, as the node's source imports them, and the file each names. */
const SDK_EXPORTS: Readonly<Record<string, string>> = {
  saksi: join(sdkSrc, 'core/index.ts'),
  'saksi/crypto': join(sdkSrc, 'core/crypto/index.ts'),
  'saksi/verify': join(sdkSrc, 'verify/index.ts'),
  'saksi/client': join(sdkSrc, 'client/index.ts'),
  'saksi/catalogue': join(sdkSrc, 'catalogue/index.ts'),
}
const LAYERS = ['core', 'verify', 'client', 'store', 'contracts', 'views', 'node', 'audit', 'api', 'cli', 'web', 'bench', 'app'] as const
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
  views: ['core', 'contracts'],
  node: ['core', 'store', 'contracts'],
  audit: ['core', 'store', 'node', 'verify', 'client'],
  api: ['core', 'store', 'contracts', 'views', 'node', 'verify'],
  cli: ['core', 'store', 'contracts', 'views', 'node', 'audit', 'api', 'verify', 'client'],
  web: ['core', 'verify', 'client', 'contracts', 'views'],
  bench: ['core', 'client', 'store', 'contracts', 'views', 'node', 'audit', 'api', 'verify', 'cli', 'app'],
  // The composition: each service's descriptor (`services/<name>/index.ts`) and the registry.
  app: ['core', 'client', 'store', 'contracts', 'views', 'node', 'audit', 'api', 'verify', 'cli'],
}
/** The layer of each part of a service folder (`src/services/<name>/<part>/`). */
const SERVICE_PARTS: Readonly<Record<string, Layer>> = { contract: 'contracts', views: 'views', client: 'client', api: 'api', cli: 'cli', demo: 'cli', bench: 'bench' }
/** Top-level folders of src in a layer of another name: the message catalogue is words, like a service's views. */
const TOP_LEVEL: Readonly<Record<string, Layer>> = { catalogue: 'views' }

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

/** Which source tree a file is in: the node's (`src`) or the workspace package's. */
function treeOf(file: string): 'node' | 'sdk' | undefined {
  if (!relative(sdkSrc, file).startsWith('..')) return 'sdk'
  return relative(src, file).startsWith('..') ? undefined : 'node'
}

/** A file's path inside its tree: `core/merkle/hash.ts`, `services/welfare/index.ts`. */
function srcPath(file: string): string {
  return relative(treeOf(file) === 'sdk' ? sdkSrc : src, file)
}

/** The file an import names: a relative path, or an export path of the package; none for other packages. */
function targetOf(from: string, spec: string): string | undefined {
  if (spec.startsWith('.')) return resolveImport(from, spec)
  return SDK_EXPORTS[spec]
}

function layerOf(file: string): Layer | undefined {
  const parts = srcPath(file).split(/[\\/]/)
  // src/main.ts and src/saksi.ts: the executable, with the registry's services.
  if (parts.length === 1) return 'app'
  if (parts[0] === 'services') {
    // services/registry.ts and services/<name>/index.ts compose; the parts have their own layers.
    if (parts.length <= 3) return 'app'
    return SERVICE_PARTS[parts[2]!]
  }
  const top = parts[0]!
  if (Object.hasOwn(TOP_LEVEL, top)) return TOP_LEVEL[top]
  return LAYERS.find((l) => l === top && l !== 'views' && l !== 'app' && l !== 'bench' && l !== 'contracts')
}

const files = [...sourceFiles(src), ...sourceFiles(sdkSrc)]

/**
 * The module a file belongs to: a top-level folder of src (`core`, `node`, ...), a part of a
 * service (`services/<name>/<part>`), a service's descriptor (`services/<name>`), the registry
 * (`services`), or src itself (the executable).
 */
function moduleOf(file: string): string {
  const parts = srcPath(file).split(/[\\/]/)
  if (parts[0] === 'services') return parts.slice(0, Math.min(parts.length - 1, 3)).join('/')
  return parts.length === 1 ? '.' : parts[0]!
}

/** The file a relative import names (`./x.js` is `./x.ts`, or `./x/index.ts`). */
function resolveImport(from: string, spec: string): string {
  const target = resolve(dirname(from), spec)
  const base = target.replace(/\.js$/, '')
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f)) ?? target
}

/** Value and type imports alike (a type reached past an index couples as much as a value). */
function allImportsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => (m[1] ?? m[2])!)
}

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
        const target = targetOf(file, spec)
        if (!target) continue
        const to = layerOf(target)
        if (to && to !== from && !ALLOWED[from].includes(to)) violations.push(`${relative(root, file)} (${from}) imports ${spec} (${to})`)
      }
    }
    expect(violations).toEqual([])
  })

  it('lets files outside a module import only its index.ts', () => {
    const violations: string[] = []
    for (const file of files) {
      for (const spec of allImportsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue
        const target = resolveImport(file, spec)
        const tree = treeOf(target)
        if (!tree) {
          // The package stands alone; the node's benchmarks have support outside src.
          if (treeOf(file) === 'sdk') violations.push(`${relative(root, file)} imports ${spec}, outside the package`)
          continue
        }
        if (tree !== treeOf(file)) {
          violations.push(`${relative(root, file)} imports ${spec} by path: ${tree === 'sdk' ? 'import the package by name (saksi, saksi/verify, ...)' : 'the package imports nothing of the node'}`)
          continue
        }
        const module = moduleOf(target)
        if (module === moduleOf(file) || module === '.') continue
        // Benchmarks run a module's test support (its `testing/` folder), as tests do.
        if (layerOf(file) === 'bench' && srcPath(target).split(/[\\/]/).includes('testing')) continue
        if (target !== join(tree === 'sdk' ? sdkSrc : src, module, 'index.ts')) violations.push(`${relative(root, file)} imports ${spec}, inside ${module}: import ${module}/index.ts`)
      }
    }
    expect(violations).toEqual([])
  })

  it('keeps test support (testing/ folders) out of everything but tests and benchmarks', () => {
    const violations: string[] = []
    for (const file of files) {
      if (layerOf(file) === 'bench') continue
      for (const spec of allImportsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.') && srcPath(resolveImport(file, spec)).split(/[\\/]/).includes('testing')) violations.push(`${relative(root, file)} imports ${spec}`)
      }
    }
    expect(violations).toEqual([])
  })

  it('keeps the platform (core, client, store, node, api, cli, audit, ...) free of imports of the services', () => {
    // Services are built on the platform and handed to it (the registry); never the other way round.
    const violations: string[] = []
    for (const file of files) {
      const from = moduleOf(file)
      if (from === '.' || from.startsWith('services')) continue
      for (const spec of allImportsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.') && moduleOf(resolveImport(file, spec)).startsWith('services')) violations.push(`${relative(root, file)} imports ${spec}`)
      }
    }
    expect(violations).toEqual([])
  })

  it('tells modules apart (the check itself works)', () => {
    expect(moduleOf(join(sdkSrc, 'core/merkle/hash.ts'))).toBe('core')
    expect(layerOf(join(sdkSrc, 'catalogue/error-catalogue.ts'))).toBe('views')
    expect(targetOf(join(src, 'node/open-node.ts'), 'saksi/verify')).toBe(join(sdkSrc, 'verify/index.ts'))
    expect(targetOf(join(src, 'node/open-node.ts'), 'zod')).toBeUndefined()
    expect(moduleOf(join(src, 'services/welfare/contract/rules/attributes.ts'))).toBe('services/welfare/contract')
    expect(moduleOf(join(src, 'services/welfare/index.ts'))).toBe('services/welfare')
    expect(moduleOf(join(src, 'services/registry.ts'))).toBe('services')
    expect(moduleOf(join(src, 'main.ts'))).toBe('.')
  })

  it('keeps core, the verification module, the client, the contracts and the views free of Node-only imports', () => {
    const violations: string[] = []
    for (const file of files) {
      const layer = layerOf(file)
      if (layer !== 'core' && layer !== 'verify' && layer !== 'client' && layer !== 'contracts' && layer !== 'views') continue
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
      .filter((f) => layerOf(f) === 'core' && !allowed.has(srcPath(f)))
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
