// Starts the TypeScript signature worker when the node runs from source (vitest, tsx): a worker
// thread does not inherit tsx's loader, so it registers tsx itself first. From dist, the compiled
// verify-worker.js is started directly and this file is not used.
import { register as registerHooks } from 'node:module'
import { register } from 'tsx/esm/api'

register()
// The workspace package `saksi` from its source too (see source-conditions.mjs).
registerHooks('../source-conditions.mjs', import.meta.url)
await import('./verify-worker.ts')
