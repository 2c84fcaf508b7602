import type { CliIo } from './cli/index.js'
import { runCli } from './cli/index.js'
import { SERVICES } from './services/index.js'

/**
 * Runs the `saksi` command line with the registry's services: what `bin/saksi.js` and
 * `npm start` run.
 * @param args the arguments after the program name, e.g. `['init', '--data', 'DIR']`
 * @param io where to write
 * @param options a stop signal for `start` and `demo`; the environment whose locale picks the language (default `process.env`)
 * @returns the exit code (see `runCli`)
 */
export function runSaksi(args: readonly string[], io: CliIo, options: { stop?: AbortSignal; env?: Readonly<Record<string, string | undefined>> } = {}): Promise<number> {
  return runCli(args, io, { ...options, services: SERVICES })
}
