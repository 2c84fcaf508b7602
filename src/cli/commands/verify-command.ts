import { Command } from 'commander'
import { CliError, EXIT } from '../cli-error.js'
import type { CliContext } from '../cli-context.js'
import { contractsOf } from '../cli-service.js'
import { AuditFailure, auditLedger, HttpAuditSource, isNoVerdict, StoreAuditSource, type AuditSource, type AuditSummary } from '../../audit/index.js'
import { createAuditProgress } from '../audit-progress.js'
import { dataDirPaths } from '../data-dir/data-dir-paths.js'
import { openDataStore } from '../data-dir/open-data-store.js'
import { readGenesisFile } from '../data-dir/read-genesis-file.js'
import { createNodeClient } from '../http/open-node-client.js'
import { catalogueOf, type ErrorCatalogue, type Language } from 'saksi/catalogue'
import { isSaksiError } from 'saksi'
import { VERIFY_WORDS as W } from './verify-words.js'
import { DATA_DIR_WORDS } from '../data-dir/data-dir-words.js'
import { bilingual } from '../words/words.js'
import { saksiErrorText } from '../words/saksi-error-text.js'

interface VerifyOptions {
  node?: string
  data?: string
  genesis?: string
  workers?: string
}

async function openSource(opts: VerifyOptions): Promise<AuditSource> {
  if ((opts.node === undefined) === (opts.data === undefined)) throw new CliError(bilingual(W, (w) => w.oneSource))
  if (opts.data !== undefined) {
    const paths = dataDirPaths(opts.data)
    const genesis = await readGenesisFile(opts.genesis ?? paths.genesis, bilingual(DATA_DIR_WORDS, (w) => w.notDataDir(paths.dir)))
    return new StoreAuditSource(await openDataStore(paths.store, { readonly: true }), genesis, paths.dir)
  }
  const genesis = opts.genesis === undefined ? undefined : await readGenesisFile(opts.genesis)
  return new HttpAuditSource(createNodeClient(opts.node!), genesis ? { genesis } : {})
}

/**
 * Formats a passed audit for the terminal.
 * @param label what was audited
 * @param s the summary
 * @param lang the operator's language (default English)
 */
export function describeAudit(label: string, s: AuditSummary, lang: Language = 'en'): string {
  return W[lang].summary(label, s).join('\n')
}

// An audit failure's detail: its message after "WHERE: CODE: "; in Indonesian the code's sentence first.
function failureDetail(e: AuditFailure, catalogue: ErrorCatalogue, lang: Language): string {
  const detail = e.message.slice(e.where.length + e.code.length + 4)
  const sentence = catalogue.get(e.code)?.id
  return lang === 'id' && sentence ? `${sentence} (${detail})` : detail
}

/**
 * `saksi verify (--node URL | --data DIR) [--genesis FILE]`: audits a ledger from genesis.
 * Exit code: 0 verified, 1 something does not verify (the first block, entry, checkpoint or state
 * key is named), 2 the audit could not run.
 * @param ctx output and exit code
 */
export function verifyCommand(ctx: CliContext): Command {
  const w = W[ctx.lang]
  return new Command('verify')
    .description(w.description)
    .option('--node <url>', w.node)
    .option('--data <dir>', w.data)
    .option('--genesis <file>', w.genesis)
    .option('--workers <n>', w.workers)
    .action(async (opts: VerifyOptions) => {
      const workers = opts.workers === undefined ? undefined : Number(opts.workers)
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) throw new CliError(bilingual(W, (x) => x.badWorkers))
      const source = await openSource(opts)
      try {
        const summary = await auditLedger(source, { contracts: contractsOf(ctx.services), progress: createAuditProgress(ctx.io, undefined, ctx.lang), signatureWorkers: workers })
        ctx.io.out(describeAudit(source.label, summary, ctx.lang))
      } catch (e) {
        // No verdict (the node cannot be reached): the command could not run, as for a bad argument.
        if (isNoVerdict(e)) throw new CliError(isSaksiError(e) ? saksiErrorText(e, { code: false }) : (e as Error).message)
        if (!(e instanceof AuditFailure)) throw e
        ctx.io.out(`${w.failed(e.where, e.code, failureDetail(e, catalogueOf(contractsOf(ctx.services)), ctx.lang))}\n`)
        ctx.exitCode = EXIT.FAILED
      } finally {
        await source.close()
      }
    })
}
