import { readdir } from 'node:fs/promises'
import { Command } from 'commander'
import type { CliContext } from '../cli-context.js'
import { dataDirPaths } from '../data-dir/data-dir-paths.js'
import { initNetwork } from '../data-dir/init-network.js'
import { openDataNode } from '../data-dir/open-data-node.js'
import { contractsOf } from '../cli-service.js'
import { serveNode } from '../serve-node.js'
import { describeHalt } from './describe-halt.js'
import { describeInit } from './init-command.js'
import { addServeOptions, type ServeOptions } from './serve-options.js'
import { DEMO_WORDS } from './demo-words.js'

async function isNew(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true
    throw e
  }
}

/**
 * `saksi demo --data DIR [--port N]`: init if new, load the demo once, serve.
 * @param ctx output, exit code and stop signal
 */
export function demoCommand(ctx: CliContext): Command {
  const w = DEMO_WORDS[ctx.lang]
  return addServeOptions(new Command('demo').description(w.description).requiredOption('--data <dir>', w.data), ctx.lang).action(async (opts: ServeOptions & { data: string }) => {
      // The demo starts the node itself: init's "Start it with" advice is left out.
      const contracts = contractsOf(ctx.services)
      if (await isNew(opts.data)) ctx.io.out(describeInit(await initNetwork({ dir: opts.data, contracts }), ctx.lang, false))
      const { node, warnings, close, services } = await openDataNode(opts.data, contracts, { node: { onHalt: (h) => ctx.io.err(describeHalt(h, ctx.lang)) }, lang: ctx.lang })
      for (const w of warnings) ctx.io.err(`${w}\n`)
      try {
        if (node.size() === 0) {
          // Each service's demo step in registry order (identity first: the others need its people).
          const env = { node, paths: dataDirPaths(opts.data), services, port: opts.port, lang: ctx.lang }
          for (const { demo } of ctx.services) {
            if (!demo) continue
            if (demo.intro) ctx.io.out(demo.intro[ctx.lang])
            ctx.io.out(await demo.load(env))
          }
        } else ctx.io.out(`${w.alreadyLoaded(node.size())}\n`)
      } catch (e) {
        await close()
        throw e
      }
      await serveNode(node, ctx, { host: opts.host, port: opts.port, close, api: { services: ctx.services, vault: services.vault, nik: services.nik, guards: services.guards, publicUrl: opts.publicUrl } })
    })
}
