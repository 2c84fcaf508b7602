import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean)
const docs = tracked.filter((f) => f.endsWith('.md') && !f.startsWith('test/vectors/ocds-1.1.5/'))

// Markdown links and backquoted relative paths: [text](path) and `../x/y`.
const LINK = /\]\(([^)#\s]+)[^)]*\)/g
const RELATIVE = /`(\.\.\/[^`\s]+)`/g

describe('the repository', () => {
  describe('when cloned with nothing beside it', () => {
    it('holds the wire protocol and the design it follows', () => {
      expect(readFileSync(join(root, 'docs/PROTOCOL.md'), 'utf8')).toMatch(/^# Saksi wire protocol, version 1\n/)
      expect(readFileSync(join(root, 'docs/DESIGN.md'), 'utf8').length).toBeGreaterThan(1000)
    })

    it('has no document that points outside it or at a file it does not hold', () => {
      const broken: string[] = []
      for (const doc of docs) {
        const text = readFileSync(join(root, doc), 'utf8')
        for (const m of [...text.matchAll(LINK), ...text.matchAll(RELATIVE)]) {
          const target = m[1]!
          if (/^[a-z]+:/i.test(target)) continue
          const path = normalize(join(dirname(doc), target))
          if (relative(root, resolve(root, path)).startsWith('..') || !existsSync(resolve(root, path))) broken.push(`${doc}: ${target}`)
        }
        if (text.includes('../shared')) broken.push(`${doc}: ../shared`)
      }
      expect(broken).toEqual([])
    })
  })
})
