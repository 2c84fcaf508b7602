/**
 * Where a command writes. Commands never touch `process.stdout` directly, so that tests run them
 * in-process and read what they printed.
 */
export interface CliIo {
  /** Writes to standard output (the command's answer). */
  out(text: string): void
  /** Writes to standard error (diagnostics, progress lines, warnings). */
  err(text: string): void
  /** Whether standard output is a terminal (progress bars only then). */
  readonly isTTY: boolean
  /** The terminal stream a progress bar draws on, when {@link isTTY}. */
  readonly terminal?: NodeJS.WriteStream
}

/** The process's own standard streams. */
export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    terminal: process.stdout,
  }
}

/** An in-memory {@link CliIo} that records what a command printed (tests, programmatic use). */
export function bufferIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = ''
  let err = ''
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    isTTY: false,
    stdout: () => out,
    stderr: () => err,
  }
}
