import { Command } from 'commander'
import { CliError, EXIT } from '../cli-error.js'
import type { CliContext } from '../cli-context.js'
import { contractsOf } from '../cli-service.js'
import { AuditFailure, auditLedger, HttpAuditSource, isNoVerdict, StoreAuditSource, type AuditSource, type AuditSummary } from '../../audit/index.js'
import { createAuditProgress } from '../audit-progress.js'
import { dataDirPaths } from '../data-dir/data-dir-paths.js'
import { openDataStore } from '../data-dir/open-data-store.js'
import { readGenesisFile } from '../data-dir/read-genesis-file.js'
import { createNodeClient } from '../http/open-node-client.js'

interface VerifyOptions {
  node?: string
  data?: string
  genesis?: string
  workers?: string
}

async function openSource(opts: VerifyOptions): Promise<AuditSource> {
  if ((opts.node === undefined) === (opts.data === undefined)) throw new CliError('give exactly one of --node URL and --data DIR')
  if (opts.data !== undefined) {
    const paths = dataDirPaths(opts.data)
    const genesis = await readGenesisFile(opts.genesis ?? paths.genesis, `: ${paths.dir} is not a Saksi data directory`)
    return new StoreAuditSource(await openDataStore(paths.store, { readonly: true }), genesis, paths.dir)
  }
  const genesis = opts.genesis === undefined ? undefined : await readGenesisFile(opts.genesis)
  return new HttpAuditSource(createNodeClient(opts.node!), genesis ? { genesis } : {})
}

/**
 * Formats a passed audit for the terminal.
 * @param label what was audited
 * @param s the summary
 */
export function describeAudit(label: string, s: AuditSummary): string {
  const n = (x: number) => x.toLocaleString('en-US')
  const rate = s.seconds > 0 ? Math.round(s.entries / s.seconds) : s.entries
  const lines = [
    `verified ${s.network} (${s.origin}) at ${label}`,
    `  blocks       ${n(s.blocks)}: every signature by the genesis node key and every chain link`,
    `  entries      ${n(s.entries)}: strictly parsed, signatures checked, re-executed from genesis byte for byte`,
    `  checkpoints  ${n(s.checkpoints)}: signatures checked, roots equal to the recomputed Merkle root`,
    `  log          size ${n(s.size)}, root ${s.root}`,
    'compared' in s.state ? `  state        ${n(s.state.compared)} keys equal to the re-executed state` : `  state        not compared: ${s.state.skipped}`,
  ]
  if (s.proofs) lines.push(`  proofs       ${s.proofs.inclusion} inclusion and ${s.proofs.consistency} consistency proofs served by the node verified`)
  lines.push(`  time         ${s.seconds.toFixed(2)} s (${n(rate)} entries/s)`, '')
  return lines.join('\n')
}

/**
 * `saksi verify (--node URL | --data DIR) [--genesis FILE]`: audits a ledger from genesis.
 * Exit code: 0 verified, 1 something does not verify (the first block, entry, checkpoint or state
 * key is named), 2 the audit could not run.
 * @param ctx output and exit code
 */
export function verifyCommand(ctx: CliContext): Command {
  return new Command('verify')
    .description('audit a node or a data directory from genesis: signatures, chain links, checkpoints, every entry, Merkle roots, full re-execution')
    .option('--node <url>', 'audit a running node over HTTP')
    .option('--data <dir>', 'audit a data directory directly (every checkpoint and the stored state too)')
    .option('--genesis <file>', "the genesis document to trust (default with --data: DIR/genesis.json; with --node: the node's, if it serves one)")
    .option('--workers <n>', 'signature worker threads (default: one per core)')
    .action(async (opts: VerifyOptions) => {
      const workers = opts.workers === undefined ? undefined : Number(opts.workers)
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) throw new CliError('--workers must be an integer from 0 to 64')
      const source = await openSource(opts)
      try {
        const summary = await auditLedger(source, { contracts: contractsOf(ctx.services), progress: createAuditProgress(ctx.io), signatureWorkers: workers })
        ctx.io.out(describeAudit(source.label, summary))
      } catch (e) {
        // No verdict (the node cannot be reached): the command could not run, as for a bad argument.
        if (isNoVerdict(e)) throw new CliError((e as Error).message)
        if (!(e instanceof AuditFailure)) throw e
        ctx.io.out(`verify FAILED at ${e.where}: ${e.code}: ${e.message.slice(e.where.length + e.code.length + 4)}\n`)
        ctx.exitCode = EXIT.FAILED
      } finally {
        await source.close()
      }
    })
}
