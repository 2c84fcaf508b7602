import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import type { LedgerStore } from '../ledger-store.js'
import { describeLedgerStoreConformance } from '../testing/conformance.js'
import { openSqliteLedgerStore } from './open-sqlite-ledger-store.js'

const dir = mkdtempSync(join(tmpdir(), 'saksi-sqlite-'))
const paths = new WeakMap<LedgerStore, string>()
let n = 0

afterAll(() => rmSync(dir, { recursive: true, force: true }))

for (const writer of ['worker', 'inline'] as const) {
  describeLedgerStoreConformance(
    `SqliteLedgerStore (${writer} writer)`,
    async () => {
      const path = join(dir, `ledger-${n++}.sqlite`)
      const store = openSqliteLedgerStore(path, { writer })
      paths.set(store, path)
      return store
    },
    async (store) => {
      const path = paths.get(store)!
      await store.close()
      const again = openSqliteLedgerStore(path, { writer })
      paths.set(again, path)
      return again
    },
  )
}
