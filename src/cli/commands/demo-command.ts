import { readdir } from 'node:fs/promises'
import { Command } from 'commander'
import type { CliContext } from '../cli-context.js'
import { dataDirPaths } from '../data-dir/data-dir-paths.js'
import { initNetwork } from '../data-dir/init-network.js'
import { openDataNode } from '../data-dir/open-data-node.js'
import { loadDemoData, type DemoStep } from '../../services/identity/demo/load-demo-data.js'
import { loadProcurementDemo, type ProcurementDemoSummary } from '../../services/procurement/demo/load-procurement-demo.js'
import { loadWelfareDemo, type WelfareDemoSummary } from '../../services/welfare/demo/load-welfare-demo.js'
import { serveNode } from '../serve-node.js'
import { describeInit } from './init-command.js'
import { parsePort } from './port-option.js'

async function isNew(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true
    throw e
  }
}

function describeSteps(steps: DemoStep[]): string {
  const lines = steps.map((s) => {
    const r = s.receipt
    const outcome = r.status === 'ok' ? r.events.map((e) => e.type).join(', ') : `failed ${r.code ?? ''}`
    return `  #${String(r.index).padEnd(3)} block ${String(r.block).padEnd(3)} ${s.call.padEnd(22)} ${s.who.padEnd(34)} ${outcome}`
  })
  return [`Loaded the demo through ${steps.length} signed transactions:`, ...lines, ''].join('\n')
}

function describeWelfare(w: WelfareDemoSummary): string {
  const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`
  return [
    `Welfare: programme ${w.programme}, ${w.households} households registered by a field officer (personal data in the vault)`,
    `  ${w.eligible} eligible, ${w.refused} refused with reasons; appeals: ${w.appeals.granted} granted, ${w.appeals.rejected} rejected`,
    `  ${w.period}: ${w.instructions} payments instructed, ${w.paid} paid, total ${rp(w.total)}; ${w.failedThenRetried} refused by the bank at first and retried`,
    `  (${w.transactions} signed transactions; try GET /v1/contracts/welfare/queries/stats?programme=${w.programme}&period=${w.period})`,
    '',
  ].join('\n')
}

function describeProcurement(d: ProcurementDemoSummary, port: number): string {
  const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`
  const base = `http://127.0.0.1:${port}/v1/procurement`
  return [
    `Procurement: ${d.process} (Dinas Pertamanan buys park benches); three sealed bids, ${d.lateReveal.supplier}'s late reveal refused (${d.lateReveal.code})`,
    `  awarded to ${d.supplier} by the published criteria: ${rp(d.value)}; shipments ${d.shipments.join(', ')} tracked; a partial delivery disputed and ruled on`,
    `  ${d.paid} of ${d.payments} payments made, ${rp(d.total)}; consistency report ${d.consistent ? 'clean' : 'has findings'} (${d.transactions} signed transactions)`,
    `  open ${base}/processes/${d.process}/trail (the public page), ${base}/processes/${d.process}/shipments/${d.shipments[0]}/trail (where its QR code leads) and ${base}/ocds/releases (OCDS)`,
    '',
  ].join('\n')
}

/**
 * `saksi demo --data DIR [--port N]`: init if new, load the demo once, serve.
 * @param ctx output, exit code and stop signal
 */
export function demoCommand(ctx: CliContext): Command {
  return new Command('demo')
    .description('create the Kota Contoh demo network if DIR is new, load demo data through signed transactions (once), then serve it')
    .requiredOption('--data <dir>', 'the data directory (created if new)')
    .option('--port <n>', 'TCP port (0: any free port)', parsePort, 8080)
    .action(async (opts: { data: string; port: number }) => {
      // The demo starts the node itself: init's "Start it with" advice is left out.
      if (await isNew(opts.data)) ctx.io.out(describeInit(await initNetwork({ dir: opts.data })).replace(/\nStart it with: .*\n/, '\n'))
      const { node, warnings, close, services } = await openDataNode(opts.data)
      for (const w of warnings) ctx.io.err(`${w}\n`)
      try {
        if (node.size() === 0) {
          ctx.io.out(describeSteps(await loadDemoData(node, dataDirPaths(opts.data))))
          ctx.io.out('Loading the welfare demo (PKH: households, decisions, appeals, a paid quarter)…\n')
          ctx.io.out(describeWelfare(await loadWelfareDemo(node, dataDirPaths(opts.data), services)))
          ctx.io.out('Loading the procurement demo (park benches: sealed bids, award, shipments, a dispute, payments)…\n')
          ctx.io.out(describeProcurement(await loadProcurementDemo(node, dataDirPaths(opts.data), services), opts.port))
        } else ctx.io.out(`The log already holds ${node.size()} entries; not loading the demo again.\n`)
      } catch (e) {
        await close()
        throw e
      }
      await serveNode(node, ctx, { host: '127.0.0.1', port: opts.port, close, api: { welfare: services } })
    })
}
