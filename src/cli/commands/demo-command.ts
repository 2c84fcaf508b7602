import { readdir } from 'node:fs/promises'
import { Command } from 'commander'
import type { CliContext } from '../cli-context.js'
import { dataDirPaths } from '../data-dir/data-dir-paths.js'
import { initNetwork } from '../data-dir/init-network.js'
import { openDataNode } from '../data-dir/open-data-node.js'
import { loadDemoData, type DemoStep } from '../demo/load-demo-data.js'
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
      if (await isNew(opts.data)) ctx.io.out(describeInit(await initNetwork({ dir: opts.data })))
      const { node, warnings } = await openDataNode(opts.data)
      for (const w of warnings) ctx.io.err(`${w}\n`)
      try {
        if (node.size() === 0) ctx.io.out(describeSteps(await loadDemoData(node, dataDirPaths(opts.data))))
        else ctx.io.out(`The log already holds ${node.size()} entries; not loading the demo again.\n`)
      } catch (e) {
        await node.close()
        throw e
      }
      await serveNode(node, ctx, { host: '127.0.0.1', port: opts.port })
    })
}
