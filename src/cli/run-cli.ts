import { Command, CommanderError } from 'commander'
import { isSaksiError } from 'saksi'
import { CliError, EXIT } from './cli-error.js'
import type { CliContext } from './cli-context.js'
import type { CliIo } from './cli-io.js'
import { demoCommand } from './commands/demo-command.js'
import { initCommand } from './commands/init-command.js'
import { keysCommand } from './commands/keys-command.js'
import { startCommand } from './commands/start-command.js'
import { txCommand } from './commands/tx-command.js'
import { verifyCommand } from './commands/verify-command.js'
import type { CliService } from './cli-service.js'

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Stops `start` and `demo` like SIGINT does. */
  stop?: AbortSignal
  /** The services to run (the registry, `src/services/registry.ts`): their contracts, commands and demo steps. */
  services: readonly CliService[]
}

/**
 * Runs the `saksi` command line on `args` (the arguments after the program name).
 * @param args e.g. `['init', '--data', 'DIR']`
 * @param io where to write
 * @param options the services, and a stop signal for long-running commands
 * @returns the exit code: 0 done, 1 failed (audit, refused transaction), 2 usage or environment, 3 committed but failed
 */
export async function runCli(args: readonly string[], io: CliIo, options: RunCliOptions): Promise<number> {
  const ctx: CliContext = { io, exitCode: EXIT.OK, stop: options.stop, services: options.services }
  const program = new Command('saksi')
    .description('Saksi: a verifiable ledger for public services')
    .showHelpAfterError('(run saksi --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
  const commands = [initCommand, startCommand, demoCommand, keysCommand, txCommand, verifyCommand, ...options.services.flatMap((s) => s.commands ?? [])]
  for (const c of commands) program.addCommand(c(ctx))
  // Subcommands inherit neither exitOverride nor output settings unless copied down.
  for (const c of program.commands) propagate(c, io)
  try {
    await program.parseAsync([...args], { from: 'user' })
    return ctx.exitCode
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE
    if (e instanceof CliError) {
      io.err(`saksi: ${e.message}\n`)
      return e.exitCode
    }
    if (isSaksiError(e)) {
      io.err(`saksi: ${e.code}: ${e.message}\n`)
      return EXIT.USAGE
    }
    throw e
  }
}

function propagate(command: Command, io: CliIo): void {
  command.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err })
  for (const c of command.commands) propagate(c, io)
}
