/**
 * The `saksi` executable (`bin/saksi.js` imports the compiled form of this file). Commands: init,
 * start, demo, keys, tx, verify, and each service's own (welfare, procurement); see docs/CLI.md.
 */
import { processIo } from './cli/index.js'
import { runSaksi } from './saksi.js'

process.exitCode = await runSaksi(process.argv.slice(2), processIo())
