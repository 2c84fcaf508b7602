/**
 * The `saksi` executable (`bin/saksi.js` imports the compiled form of this file). Commands: init,
 * start, demo, keys, tx, verify; see docs/CLI.md.
 */
import { processIo } from './cli-io.js'
import { runCli } from './run-cli.js'

process.exitCode = await runCli(process.argv.slice(2), processIo())
