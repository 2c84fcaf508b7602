// `npm start`: runs the Kota Contoh demo node (`saksi demo`) on the data directory .saksi/demo in
// the repository (git-ignored): the first run creates the network and loads the demo data through
// signed transactions, later runs resume it. It prints the URL; stop it with Ctrl-C. Arguments
// after `npm start --` go to `saksi demo`, e.g. `npm start -- --port 9090`.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const runSaksiUrl = new URL('../dist/saksi.js', import.meta.url)
if (!existsSync(runSaksiUrl)) {
  console.error('dist/ is missing: run `npm install` (it builds Saksi) or `npm run build`.')
  process.exit(1)
}
const { runSaksi } = await import(runSaksiUrl.href)
const { processIo } = await import(new URL('../dist/cli/cli-io.js', import.meta.url).href)
const dataDir = fileURLToPath(new URL('../.saksi/demo', import.meta.url))
process.exitCode = await runSaksi(['demo', '--data', dataDir, ...process.argv.slice(2)], processIo())
