import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CORE_CODE_TABLES, type ErrorKind } from 'saksi'
import { ERROR_CODE_PATTERN } from '../packages/saksi/src/core/errors.js'
import { SERVICES, serviceContracts } from '../src/services/index.js'
import { catalogueError, catalogueOf } from 'saksi/catalogue'

/** The catalogue of the registry's services, as the API builds it. */
const ERROR_CATALOGUE = catalogueOf(serviceContracts())

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Every source tree of the repository: the node's and the workspace package's. */
const SOURCE_DIRS = [join(root, 'src'), join(root, 'packages/saksi/src')]

/** The source files of the build (no tests, no test support). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name)
    if (d.isDirectory()) return d.name === 'testing' ? [] : sourceFiles(p)
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && !d.name.endsWith('.d.ts') ? [p] : []
  })
}

const CODE = "'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'"
/** Where a literal code is given: `ctx.fail('X'`, `new XxxError('X'`, `new AuditFailure(where, 'X'`, `apiError('X'`, a refusal `{ code: 'X'`. */
const GIVEN = [new RegExp(`\\bfail\\(\\s*${CODE}`, 'g'), new RegExp(`\\bnew \\w+\\(\\s*(?:\\w+,\\s*)?${CODE}`, 'g'), new RegExp(`\\b\\w+Error\\(\\s*${CODE}`, 'g'), new RegExp(`\\{ code: ${CODE}`, 'g')]
const CLASS_KIND: Readonly<Record<string, ErrorKind>> = {
  ValidationError: 'validation',
  AuthorizationError: 'authorization',
  NotFoundError: 'not_found',
  ConflictError: 'conflict',
  VerificationError: 'verification',
  StorageError: 'storage',
}

/** Every literal code the source gives, with where. */
function givenCodes(): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8')
    for (const re of GIVEN) for (const m of text.matchAll(re)) found.set(m[1]!, [...(found.get(m[1]!) ?? []), relative(root, file)])
  }
  return found
}

describe('catalogueOf', () => {
  describe('when built from the tables', () => {
    it('holds every code of every table once', () => {
      const tables = [...CORE_CODE_TABLES, ...SERVICES.map((s) => s.contract.codes ?? {})]
      const declared = tables.flatMap((t) => Object.keys(t))
      expect(new Set(declared).size).toBe(declared.length)
      expect(ERROR_CATALOGUE.codes().sort()).toEqual([...declared].sort())
      expect(ERROR_CATALOGUE.size).toBe(declared.length)
    })

    it("holds every registered service's table (each service's contract declares one)", () => {
      for (const s of SERVICES) {
        const codes = s.contract.codes
        expect(codes, s.name).toBeDefined()
        for (const [code, spec] of Object.entries(codes ?? {})) expect(ERROR_CATALOGUE.get(code), code).toBe(spec)
      }
    })

    it('gives each code a kind and a message in Bahasa Indonesia and in English', () => {
      const kinds = new Set(['validation', 'authorization', 'not_found', 'conflict', 'verification', 'storage', 'internal'])
      for (const code of ERROR_CATALOGUE.codes()) {
        const spec = ERROR_CATALOGUE.get(code)!
        expect(code).toMatch(ERROR_CODE_PATTERN)
        expect(kinds.has(spec.kind), code).toBe(true)
        expect(spec.id.trim().length, code).toBeGreaterThan(10)
        expect(spec.en.trim().length, code).toBeGreaterThan(10)
        expect(spec.id, `${code} is translated`).not.toBe(spec.en)
      }
    })
  })

  describe('when the source gives a code', () => {
    const given = givenCodes()

    it('finds the codes (the scan itself works)', () => {
      for (const code of ['ACCESS_DENIED', 'WELFARE_PROGRAMME_NOT_FOUND', 'PROCUREMENT_NIK_IN_CLEAR', 'TX_FIELD_MISSING', 'MERKLE_ROOT_MISMATCH', 'AUDIT_PROOF_INVALID', 'VAULT_UNAVAILABLE']) {
        expect(given.has(code), code).toBe(true)
      }
      expect(given.size).toBeGreaterThan(200)
    })

    it('holds every code thrown, failed or refused with in the source', () => {
      const missing = [...given].filter(([code]) => ERROR_CATALOGUE.get(code) === undefined).map(([code, files]) => `${code} (${files[0]})`)
      expect(missing).toEqual([])
    })

    it('declares the kind its throw sites give it', () => {
      const wrong: string[] = []
      const typed = new RegExp(`\\bnew (\\w+)\\(\\s*${CODE}`)
      for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
        for (const line of readFileSync(file, 'utf8').split('\n')) {
          const m = typed.exec(line)
          if (!m) continue
          // A SaksiError or ContractFailure names its kind last on the line (validation by default).
          const named = [...line.matchAll(/'(validation|authorization|not_found|conflict|verification|storage|internal)'/g)].at(-1)?.[1] as ErrorKind | undefined
          const kind = CLASS_KIND[m[1]!] ?? (m[1] === 'SaksiError' || m[1] === 'ContractFailure' ? (named ?? 'validation') : undefined)
          const declared = ERROR_CATALOGUE.kindOf(m[2]!)
          if (kind !== undefined && declared !== kind) wrong.push(`${m[2]} is ${declared} but ${relative(root, file)} throws it as ${kind}`)
        }
      }
      expect(wrong).toEqual([])
    })
  })
})

describe('catalogueError', () => {
  describe('when given a code of the catalogue', () => {
    it('builds the error of its kind, with its English message by default', () => {
      const e = catalogueError(ERROR_CATALOGUE, 'WELFARE_HOUSEHOLD_NOT_FOUND', undefined, { txId: 'ab' })
      expect(e).toMatchObject({ code: 'WELFARE_HOUSEHOLD_NOT_FOUND', kind: 'not_found', message: 'no such household in this programme', details: { txId: 'ab' } })
      expect(catalogueError(ERROR_CATALOGUE, 'IDENTITY_KEY_REVOKED', 'm').kind).toBe('authorization')
    })
  })

  describe('when given a code it does not hold', () => {
    it('builds a validation error', () => {
      expect(catalogueError(ERROR_CATALOGUE, 'SOMETHING_ELSE', 'm')).toMatchObject({ code: 'SOMETHING_ELSE', kind: 'validation', message: 'm' })
    })
  })
})
