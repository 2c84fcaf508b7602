import { describe, expect, it } from 'vitest'
import { DEMO_WORDS } from '../commands/demo-words.js'
import { INIT_WORDS } from '../commands/init-words.js'
import { KEYS_WORDS } from '../commands/keys-words.js'
import { START_WORDS } from '../commands/start-words.js'
import { VERIFY_WORDS } from '../commands/verify-words.js'
import { DATA_DIR_WORDS } from '../data-dir/data-dir-words.js'
import { IDENTITY_DEMO_WORDS } from '../../services/identity/demo/identity-demo-words.js'
import { PROCUREMENT_WORDS } from '../../services/procurement/cli/procurement-words.js'
import { PROCUREMENT_DEMO_WORDS } from '../../services/procurement/demo/procurement-demo-words.js'
import { WELFARE_WORDS } from '../../services/welfare/cli/welfare-words.js'
import { WELFARE_DEMO_WORDS } from '../../services/welfare/demo/welfare-demo-words.js'
import { COMMON_WORDS } from './common-words.js'
import { PROGRAM_WORDS } from './program-words.js'
import type { Words } from './words.js'

const TABLES: Record<string, Words<object>> = {
  PROGRAM_WORDS,
  COMMON_WORDS,
  INIT_WORDS,
  START_WORDS,
  DEMO_WORDS,
  KEYS_WORDS,
  VERIFY_WORDS,
  DATA_DIR_WORDS,
  IDENTITY_DEMO_WORDS,
  WELFARE_WORDS,
  WELFARE_DEMO_WORDS,
  PROCUREMENT_WORDS,
  PROCUREMENT_DEMO_WORDS,
}

// Commander's own messages are English: only the Indonesian table rewrites them.
const ENGLISH_AS_IS = new Set(['PROGRAM_WORDS.titles', 'PROGRAM_WORDS.notes', 'PROGRAM_WORDS.errors'])

describe('the words tables', () => {
  describe('when a table is read at run time', () => {
    it.each(Object.entries(TABLES))('%s has every word in both languages, of the same kind, none empty', (name, table) => {
      expect(Object.keys(table.id).sort()).toEqual(Object.keys(table.en).sort())
      for (const [key, en] of Object.entries(table.en)) {
        const id = (table.id as Record<string, unknown>)[key]
        expect(typeof id, `${name}.${key}`).toBe(typeof en)
        if (typeof en === 'string') expect((id as string).trim(), `${name}.${key}`).not.toBe('')
        if (typeof en === 'function') expect((id as (...a: unknown[]) => unknown).length, `${name}.${key}`).toBe((en as (...a: unknown[]) => unknown).length)
        if (ENGLISH_AS_IS.has(`${name}.${key}`)) expect(Object.keys(id as object).length, `${name}.${key}`).toBeGreaterThan(0)
      }
    })
    it('has the help of every command translated, not copied', () => {
      for (const [name, table] of Object.entries(TABLES)) {
        const en = table.en as Record<string, unknown>
        const id = table.id as Record<string, unknown>
        if (typeof en.description === 'string') expect(id.description, name).not.toBe(en.description)
      }
    })
  })
})
