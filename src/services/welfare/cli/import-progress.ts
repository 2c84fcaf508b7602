import cliProgress from 'cli-progress'
import type { CliIo } from '../../../cli/index.js'
import type { Language } from 'saksi/catalogue'
import { WELFARE_WORDS } from './welfare-words.js'

/** Told how far an import has come. */
export interface ImportProgress {
  tick(registered: boolean): void
  stop(): void
}

/**
 * A progress bar on a terminal (cli-progress), or a plain line on stderr every few seconds
 * otherwise (CI logs, pipes).
 */
export function createImportProgress(io: CliIo, total: number, intervalMs = 5000, lang: Language = 'en'): ImportProgress {
  const w = WELFARE_WORDS[lang]
  let done = 0
  let registered = 0
  if (io.isTTY && io.terminal) {
    const bar = new cliProgress.SingleBar(
      { format: w.bar, stream: io.terminal, hideCursor: false, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    )
    bar.start(total, 0, { registered: 0 })
    return {
      tick(ok) {
        if (ok) registered++
        bar.update(++done, { registered })
      },
      stop: () => bar.stop(),
    }
  }
  const started = performance.now()
  let last = started
  return {
    tick(ok) {
      done++
      if (ok) registered++
      const now = performance.now()
      if (now - last < intervalMs) return
      last = now
      io.err(`${w.progress(done, total, registered, Math.round(done / ((now - started) / 1000)))}\n`)
    },
    stop: () => undefined,
  }
}
