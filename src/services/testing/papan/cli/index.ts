import { Command } from 'commander'
import type { CliContext } from '../../../../cli/index.js'

/** `saksi papan hello`: says which board this is. */
export function papanCommand(ctx: CliContext): Command {
  const papan = new Command('papan').description('the notice board (an example service)')
  papan.command('hello').description('say hello').action(() => ctx.io.out('papan: halo (hello)\n'))
  return papan
}
