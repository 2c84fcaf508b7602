// Starts the TypeScript signature worker when the node runs from source (vitest, tsx): a worker
// thread does not inherit tsx's loader, so it registers tsx itself first. From dist, the compiled
// verify-worker.js is started directly and this file is not used.
import { register } from 'tsx/esm/api'

register()
await import('./verify-worker.ts')
