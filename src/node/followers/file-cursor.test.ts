import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fileCursor, followerCursorFile } from './file-cursor.js'

const dir = mkdtempSync(join(tmpdir(), 'saksi-cursor-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
const fresh = () => join(dir, `c${n++}`, 'cursor.json')

describe('fileCursor', () => {
  describe('when the file does not exist', () => {
    it('reads 0, and the first save creates its folder', () => {
      const file = fresh()
      const cursor = fileCursor(file)
      expect(cursor.load()).toBe(0)
      cursor.save(17)
      expect(cursor.load()).toBe(17)
      expect(fileCursor(file).load()).toBe(17)
    })
  })

  describe('when it saves', () => {
    it('replaces the file whole, in the format data directories already hold, and leaves no temporary file', () => {
      const file = fresh()
      const cursor = fileCursor(file)
      cursor.save(3)
      cursor.save(1_000_000)
      expect(readFileSync(file, 'utf8')).toBe('{"next":1000000}\n')
      expect(readdirSync(join(file, '..'))).toEqual(['cursor.json'])
    })

    it('refuses what is not a log index, keeping the old value', () => {
      const file = fresh()
      const cursor = fileCursor(file)
      cursor.save(5)
      for (const bad of [-1, 1.5, Number.NaN]) expect(() => cursor.save(bad)).toThrow(expect.objectContaining({ code: 'FOLLOWER_CURSOR_INVALID' }))
      expect(cursor.load()).toBe(5)
    })
  })

  describe('when a crash left a temporary file beside it', () => {
    it('reads the old value: the temporary file is only ever renamed over it', () => {
      const file = fresh()
      fileCursor(file).save(9)
      writeFileSync(`${file}.tmp`, '{"ne')
      expect(fileCursor(file).load()).toBe(9)
      fileCursor(file).save(10)
      expect(existsSync(`${file}.tmp`)).toBe(false)
      expect(fileCursor(file).load()).toBe(10)
    })
  })

  describe('when the file is corrupt', () => {
    it.each([
      ['empty', '', 'is empty'],
      ['cut short', '{"next": 4', 'is not JSON'],
      ['without next', '{"at": 4}\n', 'holds no "next" log index'],
      ['negative', '{"next": -2}\n', 'holds no "next" log index'],
      ['a fraction', '{"next": 2.5}\n', 'holds no "next" log index'],
      ['a string', '{"next": "4"}\n', 'holds no "next" log index'],
      ['not an object', '4\n', 'holds no "next" log index'],
    ])('refuses a file %s with a clear error naming it, never reading it as 0', (_, text, why) => {
      const file = fresh()
      fileCursor(file).save(1)
      writeFileSync(file, text)
      let error: unknown
      try {
        fileCursor(file).load()
      } catch (e) {
        error = e
      }
      expect(error).toMatchObject({ code: 'FOLLOWER_CURSOR_INVALID', kind: 'storage', details: { file } })
      expect((error as Error).message).toContain(`${file} ${why}`)
      expect((error as Error).message).toContain('remove it to follow the log from its start')
    })
  })
})

describe('followerCursorFile', () => {
  describe('when the name is valid', () => {
    it('gives each follower its own file under <data>/followers', () => {
      expect(followerCursorFile('/srv/kota', 'query-projection')).toBe(join('/srv/kota', 'followers', 'query-projection.json'))
      expect(followerCursorFile('/srv/kota', 'witness')).not.toBe(followerCursorFile('/srv/kota', 'anchor'))
    })
  })

  describe('when the name could leave the folder or is not a plain name', () => {
    it.each(['../outbox', 'a/b', 'Webhooks', '', '-x', 'x'.repeat(64)])('refuses %j', (name) => {
      expect(() => followerCursorFile('/srv/kota', name)).toThrow(expect.objectContaining({ code: 'FOLLOWER_NAME_INVALID', kind: 'validation' }))
    })
  })
})
