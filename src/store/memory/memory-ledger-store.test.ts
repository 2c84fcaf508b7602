import { describeLedgerStoreConformance } from '../testing/conformance.js'
import { MemoryLedgerStore } from './memory-ledger-store.js'

describeLedgerStoreConformance('MemoryLedgerStore', async () => new MemoryLedgerStore())
