import { Command, InvalidArgumentError } from 'commander'
import { DEFAULT_EXECUTION_TIMEOUT_MS } from '../../node/index.js'
import type { CliContext } from '../cli-context.js'
import { contractsOf } from '../cli-service.js'
import { openDataNode } from '../data-dir/open-data-node.js'
import { describeCorruptState } from '../describe-corrupt-state.js'
import { serveNode } from '../serve-node.js'
import { describeHalt } from './describe-halt.js'
import { addServeOptions, type ServeOptions } from './serve-options.js'
import type { Language } from 'saksi/catalogue'
import { START_WORDS } from './start-words.js'

/** A `--watchdog-ms` value: 0 (no watchdog) or a positive number of milliseconds. */
function parseWatchdogMs(value: string, lang: Language): number {
  if (!/^\d{1,7}$/.test(value)) throw new InvalidArgumentError(START_WORDS[lang].badWatchdog)
  return Number(value)
}

/**
 * `saksi start --data DIR [--port N] [--host H] [--public-url URL] [--watchdog-ms MS]`.
 * @param ctx output, exit code and stop signal
 */
export function startCommand(ctx: CliContext): Command {
  const w = START_WORDS[ctx.lang]
  return addServeOptions(new Command('start').description(w.description).requiredOption('--data <dir>', w.data), ctx.lang)
    .option('--watchdog-ms <ms>', w.watchdog, (v) => parseWatchdogMs(v, ctx.lang), DEFAULT_EXECUTION_TIMEOUT_MS)
    .action(async (opts: ServeOptions & { data: string; watchdogMs: number }) => {
      const { node, warnings, close, services } = await openDataNode(opts.data, contractsOf(ctx.services), {
        node: { executionTimeoutMs: opts.watchdogMs, onHalt: (h) => ctx.io.err(describeHalt(h, ctx.lang)) },
        lang: ctx.lang,
      })
      for (const w of warnings) ctx.io.err(`${w}\n`)
      node.stateIntegrity.onCorrupt((info) => ctx.io.err(describeCorruptState(opts.data, info, ctx.lang)))
      await serveNode(node, ctx, { host: opts.host, port: opts.port, close, api: { services: ctx.services, vault: services.vault, nik: services.nik, guards: services.guards, publicUrl: opts.publicUrl } })
    })
}
