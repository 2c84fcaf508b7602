import { Command } from 'commander'
import type { Language } from 'saksi/catalogue'
import type { CliContext } from '../cli-context.js'
import { contractsOf } from '../cli-service.js'
import { readCityConfig } from '../data-dir/city-config.js'
import { initNetwork, type InitNetworkResult } from '../data-dir/init-network.js'
import { CliError } from '../cli-error.js'
import { INIT_WORDS } from './init-words.js'

/**
 * Formats what `saksi init` created, for the terminal.
 * @param r the result of `initNetwork`
 * @param lang the operator's language (default English)
 * @param withStart whether to end with how to start the node (`saksi demo` starts it itself)
 */
export function describeInit(r: InitNetworkResult, lang: Language = 'en', withStart = true): string {
  return INIT_WORDS[lang].describe(r, withStart)
}

/**
 * `saksi init --data DIR [--config city.json|city.yaml] [--network ID] [--origin ORIGIN]`.
 * @param ctx output, language and exit code
 */
export function initCommand(ctx: CliContext): Command {
  const w = INIT_WORDS[ctx.lang]
  return new Command('init')
    .description(w.description)
    .requiredOption('--data <dir>', w.data)
    .option('--config <file>', w.config)
    .option('--network <id>', w.network, 'kota-contoh')
    .option('--origin <origin>', w.origin)
    .action(async (opts: { data: string; config?: string; network: string; origin?: string }, command: Command) => {
      const contracts = contractsOf(ctx.services)
      if (opts.config && (command.getOptionValueSource('network') === 'cli' || opts.origin !== undefined)) {
        throw new CliError({ en: INIT_WORDS.en.configExclusive, id: INIT_WORDS.id.configExclusive })
      }
      const config = opts.config ? await readCityConfig(opts.config, contracts) : undefined
      const result = await initNetwork({ dir: opts.data, network: opts.network, origin: opts.origin, config, configName: opts.config, contracts })
      ctx.io.out(describeInit(result, ctx.lang))
    })
}
