import { Command } from 'commander'
import type { CliContext } from '../cli-context.js'
import { contractsOf } from '../cli-service.js'
import { initNetwork, type InitNetworkResult } from '../data-dir/init-network.js'

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
    ...r.admins.map((a) => `    ${a.org.padEnd(width)}  ${a.path}  ${a.did}`),
    ...(r.gateway ? [`  payment key   ${r.gateway.path}  ${r.gateway.did} (payments.gateway in ${r.gateway.org})`] : []),
    `  vault key     ${r.paths.vaultKey} (mode 0600; back it up: without it the personal data is lost)`,
    `  NIK secret    ${r.paths.nikKey} (mode 0600; every node of the network needs the same one)`,
    '',
    `Start it with: saksi start --data ${r.paths.dir}`,
    '',
  ].join('\n')
}

/**
 * `saksi init --data DIR [--network ID] [--origin ORIGIN]`.
 * @param ctx output and exit code
 */
export function initCommand(ctx: CliContext): Command {
  return new Command('init')
    .description('create a network in a new data directory: node key, one admin key per organisation, genesis.json, the store with block 0')
    .requiredOption('--data <dir>', 'the data directory (new or empty; created with mode 0700)')
    .option('--network <id>', 'network id', 'kota-contoh')
    .option('--origin <origin>', 'log origin (default saksi.example/<network>)')
    .action(async (opts: { data: string; network: string; origin?: string }) => {
      const result = await initNetwork({ dir: opts.data, network: opts.network, origin: opts.origin, contracts: contractsOf(ctx.services) })
      ctx.io.out(describeInit(result))
    })
}
