#!/usr/bin/env node
// The `saksi` command (package.json "bin"): runs the compiled command line in dist/, which
// `npm install` builds through `prepare` (or run `npm run build`).
import { existsSync } from 'node:fs'

const main = new URL('../dist/main.js', import.meta.url)
if (!existsSync(main)) {
  console.error('saksi: dist/ is missing: run `npm install` (it builds Saksi) or `npm run build`.')
  process.exit(2)
}
await import(main.href)
