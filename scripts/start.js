// `npm start`: runs Saksi. Until the embedded node lands (issue "Embedded node"), this runs the
// ledger core in memory: it signs transactions, executes them, and audits the signed checkpoint.
import { existsSync } from 'node:fs'

const demo = new URL('../dist/cli/core-demo.js', import.meta.url)
if (!existsSync(demo)) {
  console.error('dist/ is missing: run `npm install` (it builds Saksi) or `npm run build`.')
  process.exit(1)
}
const { runCoreDemo } = await import(demo.href)
const { verified } = runCoreDemo()
process.exit(verified ? 0 : 1)
