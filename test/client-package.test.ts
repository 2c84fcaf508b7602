import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

describe('saksi/client', () => {
  describe('when imported by plain Node after npm install', () => {
    it('resolves to the built module with the client and its actions', () => {
      expect(existsSync(resolve(root, 'packages/saksi/dist/client/index.js')), 'packages/saksi/dist/ is missing: `npm install` builds it (or run `npm run build`)').toBe(true)
      const names = ['createClient', 'getNetwork', 'submitTransaction', 'getEntryBytes', 'streamReceipts', 'SaksiApiError', 'SaksiNetworkError']
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import('saksi/client'); console.log(JSON.stringify(${JSON.stringify(names)}.map((n) => typeof m[n])))`], { cwd: root, encoding: 'utf8' })
      expect(JSON.parse(out)).toEqual(names.map(() => 'function'))
    })
  })
})
