// The digest check thread's entry when Saksi runs from source (tests, tsx). Node 20 does not apply an
// `--import tsx` given to a Worker to the worker's own entry module, so register tsx's loader
// here and then load the TypeScript worker. From dist, `digest-check-worker.js` is the entry.
import { register as registerHooks } from 'node:module'
import { register } from 'tsx/esm/api'

register()
// The workspace package `saksi` from its source too (see source-conditions.mjs).
registerHooks('../../source-conditions.mjs', import.meta.url)
await import('./digest-check-worker.ts')
