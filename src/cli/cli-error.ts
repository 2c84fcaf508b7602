import type { Bilingual } from './words/words.js'

/** Exit codes of the `saksi` command line. */
export const EXIT = {
  /** Done, or the audit passed. */
  OK: 0,
  /** The operation ran and its answer is "no": an audit failed, or a node refused a transaction. */
  FAILED: 1,
  /** The operation could not run: bad arguments, a directory in the way, a missing file, an unreachable node. */
  USAGE: 2,
  /** `saksi tx`: the transaction was committed, but its contract call failed (the receipt says why). */
  TX_FAILED: 3,
} as const

/**
 * A failure the command line reports as one line on stderr and an exit code, without a stack trace,
 * in the operator's language (`message` is the English text, for logs and tests).
 */
export class CliError extends Error {
  /** The process exit code to end with. */
  readonly exitCode: number
  /** What went wrong, in Bahasa Indonesia and English; a plain string is a message not yet translated. */
  readonly text: Bilingual | string

  /**
   * @param text what went wrong and, where it helps, what to do about it, in both languages
   * @param exitCode the exit code (default {@link EXIT.USAGE})
   */
  constructor(text: Bilingual | string, exitCode: number = EXIT.USAGE) {
    super(typeof text === 'string' ? text : text.en)
    this.name = 'CliError'
    this.exitCode = exitCode
    this.text = text
  }
}
