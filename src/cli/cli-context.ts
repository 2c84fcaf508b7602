import type { Language } from 'saksi/catalogue'
import type { CliIo } from './cli-io.js'
import type { CliService } from './cli-service.js'

/** What every command receives: where to write, in which language, and where to leave its exit code. */
export interface CliContext {
  readonly io: CliIo
  /** The operator's language: `--lang`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. */
  readonly lang: Language
  /** The exit code the process ends with; commands set it, 0 by default. */
  exitCode: number
  /**
   * Stops long-running commands (`start`, `demo`) like SIGINT does; for in-process callers and
   * tests. The process's own SIGINT and SIGTERM stop them too.
   */
  readonly stop?: AbortSignal
  /** The services this command line runs (the registry): their contracts, commands and demo steps. */
  readonly services: readonly CliService[]
}
