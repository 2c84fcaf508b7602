import { Command, CommanderError } from 'commander'
import { isSaksiError } from 'saksi'
import { catalogueOf } from 'saksi/catalogue'
import { CliError, EXIT } from './cli-error.js'
import type { CliContext } from './cli-context.js'
import type { CliIo } from './cli-io.js'
import { demoCommand } from './commands/demo-command.js'
import { initCommand } from './commands/init-command.js'
import { keysCommand } from './commands/keys-command.js'
import { startCommand } from './commands/start-command.js'
import { txCommand } from './commands/tx-command.js'
import { verifyCommand } from './commands/verify-command.js'
import { contractsOf, type CliService } from './cli-service.js'
import { chooseLanguage } from './words/choose-language.js'
import { localizeCommander } from './words/localize-commander.js'
import { PROGRAM_WORDS } from './words/program-words.js'
import { inLanguage } from './words/words.js'
import { saksiErrorText } from './words/saksi-error-text.js'

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Stops `start` and `demo` like SIGINT does. */
  stop?: AbortSignal
  /** The services to run (the registry, `src/services/registry.ts`): their contracts, commands and demo steps. */
  services: readonly CliService[]
  /** The environment whose locale picks the language when `--lang` is not given (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>
}

/**
 * Runs the `saksi` command line on `args` (the arguments after the program name), in the language
 * of `--lang id|en` or of the locale (`LANG=id_ID.UTF-8`), English otherwise.
 * @param args e.g. `['init', '--data', 'DIR']`
 * @param io where to write
 * @param options the services, the environment, and a stop signal for long-running commands
 * @returns the exit code: 0 done, 1 failed (audit, refused transaction), 2 usage or environment, 3 committed but failed
 */
export async function runCli(args: readonly string[], io: CliIo, options: RunCliOptions): Promise<number> {
  const choice = chooseLanguage(args, options.env ?? process.env)
  const lang = choice.lang
  if ('refused' in choice) {
    io.err(`saksi: ${choice.refused[lang]}\n`)
    return EXIT.USAGE
  }
  const ctx: CliContext = { io, lang, exitCode: EXIT.OK, stop: options.stop, services: options.services }
  const program = new Command('saksi').description(PROGRAM_WORDS[lang].description)
  const commands = [initCommand, startCommand, demoCommand, keysCommand, txCommand, verifyCommand, ...options.services.flatMap((s) => s.commands ?? [])]
  for (const c of commands) program.addCommand(c(ctx))
  localizeCommander(program, lang, io)
  try {
    await program.parseAsync(choice.args, { from: 'user' })
    return ctx.exitCode
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE
    if (e instanceof CliError) {
      io.err(`saksi: ${inLanguage(e.text, lang)}\n`)
      return e.exitCode
    }
    if (isSaksiError(e)) {
      io.err(`saksi: ${saksiErrorText(e, { catalogue: catalogueOf(contractsOf(options.services)) })[lang]}\n`)
      return EXIT.USAGE
    }
    throw e
  }
}
