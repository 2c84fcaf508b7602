import type { CliIo } from './cli/cli-io.js'
import { runCli } from './cli/run-cli.js'
import { SERVICES } from './services/registry.js'

/**
 * Runs the `saksi` command line with the registry's services: what `bin/saksi.js` and
 * `npm start` run.
 * @param args the arguments after the program name, e.g. `['init', '--data', 'DIR']`
 * @param io where to write
 * @param options a stop signal for `start` and `demo`
 * @returns the exit code (see `runCli`)
 */
export function runSaksi(args: readonly string[], io: CliIo, options: { stop?: AbortSignal } = {}): Promise<number> {
  return runCli(args, io, { ...options, services: SERVICES })
}
