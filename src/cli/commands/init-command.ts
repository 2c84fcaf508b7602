import { Command } from 'commander'
import type { CliContext } from '../cli-context.js'
import { contractsOf } from '../cli-service.js'
import { readCityConfig } from '../data-dir/city-config.js'
import { initNetwork, type InitNetworkResult } from '../data-dir/init-network.js'
import { CliError } from '../cli-error.js'

/**
 * Formats what `saksi init` created, for the terminal.
 * @param r the result of `initNetwork`
 */
export function describeInit(r: InitNetworkResult): string {
  const width = Math.max(...r.admins.map((a) => a.org.length))
  return [
    `Created network ${r.network} in ${r.paths.dir} (mode 0700)`,
    `  origin        ${r.origin}`,
    `  node did      ${r.nodeDid}`,
    `  vkey          ${r.vkey}`,
    `  genesis hash  ${r.genesisHash}`,
    `  genesis       ${r.paths.genesis}`,
    `  node key      ${r.paths.nodeKey} (mode 0600)`,
    `  store         ${r.paths.store} (block 0 committed)`,
    `  admin keys    (mode 0600)`,
    ...r.admins.map((a) => `    ${a.org.padEnd(width)}  ${a.path ?? '(key given by the configuration)'}  ${a.did}`),
    ...(r.gateway ? [`  payment key   ${r.gateway.path}  ${r.gateway.did} (payments.gateway in ${r.gateway.org})`] : []),
    `  vault key     ${r.paths.vaultKey} (mode 0600; back it up: without it the personal data is lost)`,
    `  NIK secret    ${r.paths.nikKey} (mode 0600; every node of the network needs the same one)`,
    '',
    `Start it with: saksi start --data ${r.paths.dir}`,
    '',
  ].join('\n')
}

/**
 * `saksi init --data DIR [--config city.json|city.yaml] [--network ID] [--origin ORIGIN]`.
 * @param ctx output and exit code
 */
export function initCommand(ctx: CliContext): Command {
  return new Command('init')
    .description('create a network in a new data directory: node key, one admin key per organisation, genesis.json, the store with block 0')
    .requiredOption('--data <dir>', 'the data directory (new or empty; created with mode 0700)')
    .option('--config <file>', "the city's configuration, JSON or YAML (docs/DEPLOY.md); default: the Kota Contoh demo city")
    .option('--network <id>', 'network id, without --config', 'kota-contoh')
    .option('--origin <origin>', 'log origin, without --config (default saksi.example/<network>)')
    .action(async (opts: { data: string; config?: string; network: string; origin?: string }, command: Command) => {
      const contracts = contractsOf(ctx.services)
      if (opts.config && (command.getOptionValueSource('network') === 'cli' || opts.origin !== undefined)) {
        throw new CliError('--network and --origin come from the configuration file when --config is given')
      }
      const config = opts.config ? await readCityConfig(opts.config, contracts) : undefined
      const result = await initNetwork({ dir: opts.data, network: opts.network, origin: opts.origin, config, configName: opts.config, contracts })
      ctx.io.out(describeInit(result))
    })
}
