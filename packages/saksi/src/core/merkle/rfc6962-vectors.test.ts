/**
 * The C2SP test vectors for RFC 6962 proofs (generated from transparency-dev/merkle; copied in
 * test/vectors/rfc6962, Apache-2.0). Every file must verify exactly when `wantErr` is false.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fromBase64 } from '../encoding/base64.js'
import { verifyConsistency } from './verify-consistency.js'
import { verifyInclusion } from './verify-inclusion.js'
import { sharedTestdata } from '../../../../../test/support/shared-testdata.js'

const testdata = sharedTestdata()
const vectors = join(testdata, 'rfc6962')

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? jsonFiles(join(dir, d.name)) : d.name.endsWith('.json') ? [join(dir, d.name)] : []))
    .sort()
}

function bytes(text: unknown): Uint8Array {
  return fromBase64(text)
}

function hashes(list: unknown): Uint8Array[] {
  return list === null ? [] : (list as unknown[]).map(bytes)
}

const inclusionFiles = jsonFiles(join(vectors, 'inclusion'))
const consistencyFiles = jsonFiles(join(vectors, 'consistency'))

describe('verifyInclusion', () => {
  describe('when given the C2SP RFC 6962 inclusion vectors', () => {
    it('finds them all', () => {
      expect(inclusionFiles.length).toBe(98)
    })
    it.each(inclusionFiles.map((f) => [relative(testdata, f), f]))('%s', (_name, file) => {
      const v = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
      const ok = verifyInclusion(bytes(v.leafHash), v.leafIdx as number, v.treeSize as number, hashes(v.proof), bytes(v.root))
      expect(ok).toBe(v.wantErr === false)
    })
  })
})

describe('verifyConsistency', () => {
  describe('when given the C2SP RFC 6962 consistency vectors', () => {
    it('finds them all', () => {
      expect(consistencyFiles.length).toBe(98)
    })
    it.each(consistencyFiles.map((f) => [relative(testdata, f), f]))('%s', (_name, file) => {
      const v = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
      const ok = verifyConsistency(v.size1 as number, v.size2 as number, bytes(v.root1), bytes(v.root2), hashes(v.proof))
      expect(ok).toBe(v.wantErr === false)
    })
  })
})
