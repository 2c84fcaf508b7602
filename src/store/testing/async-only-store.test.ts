import { describeLedgerStoreConformance } from './conformance.js'
import { AsyncOnlyStore } from './async-only-store.js'

// The suite on a driver without synchronous state reads, as a network database driver is.
describeLedgerStoreConformance('AsyncOnlyStore (state read only asynchronously)', async () => new AsyncOnlyStore())
