import cliProgress from 'cli-progress'
import type { AuditProgress } from '../audit/index.js'
import type { CliIo } from './cli-io.js'
import type { Language } from 'saksi/catalogue'
import { VERIFY_WORDS } from './commands/verify-words.js'

/**
 * A progress bar on a terminal (cli-progress), or a plain line on stderr every few seconds
 * otherwise (CI logs, pipes).
 * @param io where to draw
 * @param intervalMs how often plain lines are written
 * @param lang the operator's language (default English)
 */
export function createAuditProgress(io: CliIo, intervalMs = 5000, lang: Language = 'en'): AuditProgress {
  if (io.isTTY && io.terminal) return barProgress(io.terminal, VERIFY_WORDS[lang].bar)
  let totals = { blocks: 0, entries: 0 }
  let last = 0
  let started = 0
  return {
    start(t) {
      totals = t
      started = last = performance.now()
    },
    update(done) {
      const now = performance.now()
      if (now - last < intervalMs) return
      last = now
      const rate = Math.round(done.entries / Math.max((now - started) / 1000, 0.001))
      io.err(`${VERIFY_WORDS[lang].progress(`${done.entries}/${totals.entries}`, `${done.blocks}/${totals.blocks}`, rate)}\n`)
    },
    stop: () => undefined,
  }
}

function barProgress(stream: NodeJS.WriteStream, format: string): AuditProgress {
  const bar = new cliProgress.SingleBar(
    { format, stream, hideCursor: false, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  )
  let totalBlocks = 0
  return {
    start(t) {
      totalBlocks = t.blocks
      bar.start(Math.max(t.entries, 1), 0, { blocks: 0, totalBlocks })
    },
    update(done) {
      bar.update(done.entries, { blocks: done.blocks, totalBlocks })
    },
    stop: () => bar.stop(),
  }
}
