import { writeFile } from 'node:fs/promises'
import { Command } from 'commander'
import { bilingual, CliError, EXIT, prefixed, saksiErrorText, nodeNetwork, DEFAULT_NODE_URL, openNodeClient, readKeyFile, readTextFile, dataDirPaths } from '../../../cli/index.js'
import type { CliContext } from '../../../cli/index.js'
import { isSaksiError } from 'saksi'
import { loadSecret, PersonalDataVault, SqliteVaultBackend } from '../../../store/index.js'
import { readHouseholdCsv, HOUSEHOLD_CSV_COLUMNS, type ImportReject } from './household-csv.js'
import { importHouseholds, type ImportOutcome } from './import-households.js'
import { createImportProgress } from './import-progress.js'
import { WELFARE_WORDS as W } from './welfare-words.js'

interface ImportOptions {
  key: string
  programme: string
  node: string
  report?: string
  concurrency: string
}

const csvCell = (v: string | number | undefined) => (v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v))

/**
 * `saksi welfare import --key FILE --programme ID [--node URL] [--report FILE] households.csv`:
 * registers the households of a file as a field officer, with a progress bar and a per-row report
 * of rejects. Exit 0 when every household was registered, 1 when some were rejected.
 * @param ctx output and exit code
 */
export function welfareCommand(ctx: CliContext): Command {
  const w = W[ctx.lang]
  const welfare = new Command('welfare').description(w.description)
  welfare
    .command('import')
    .description(w.importDescription(HOUSEHOLD_CSV_COLUMNS.join(',')))
    .argument('<file>', w.file)
    .requiredOption('--key <file>', w.key)
    .requiredOption('--programme <id>', w.programme)
    .option('--node <url>', w.node, DEFAULT_NODE_URL)
    .option('--report <file>', w.report)
    .option('--concurrency <n>', w.concurrency, '16')
    .action(async (file: string, opts: ImportOptions) => {
      const { key, warning } = await readKeyFile(opts.key, ctx.lang)
      if (warning) ctx.io.err(`${warning}\n`)
      const text = await readTextFile(file)
      let read
      try {
        read = readHouseholdCsv(text)
      } catch (e) {
        throw new CliError(prefixed(`${file}: `, e instanceof CliError && typeof e.text !== 'string' ? e.text : { id: (e as Error).message, en: (e as Error).message }))
      }
      const concurrency = Number(opts.concurrency)
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) throw new CliError(bilingual(W, (x) => x.badConcurrency))
      const client = openNodeClient(opts.node)
      const network = await nodeNetwork(client)

      ctx.io.err(`${w.toImport(read.households.length, read.rejects.length, file)}\n`)
      const progress = createImportProgress(ctx.io, read.households.length, undefined, ctx.lang)
      const outcomes = await importHouseholds(client, network, key, opts.programme, read.households, { concurrency, onDone: (o) => progress.tick(o.status === 'registered') })
      progress.stop()

      const rows: (ImportOutcome | (ImportReject & { status: 'rejected' }))[] = [...outcomes, ...read.rejects.map((r) => ({ ...r, status: 'rejected' as const }))].sort((a, b) => a.row - b.row)
      const report = opts.report ?? `${file}.report.csv`
      const lines = ['row,household,status,id,code,message', ...rows.map((r) => [r.row, r.household, r.status, 'id' in r ? r.id : '', r.code, r.message].map(csvCell).join(','))]
      await writeFile(report, `${lines.join('\n')}\n`)
      const registered = outcomes.filter((o) => o.status === 'registered').length
      const rejected = rows.length - registered
      ctx.io.out(`${w.imported(registered, rejected, report)}\n`)
      for (const r of rows.filter((x) => x.status === 'rejected').slice(0, 10)) ctx.io.out(`${w.rejectedRow(r.row, r.household, r.code, r.message ?? '')}\n`)
      if (rejected > 10) ctx.io.out(`${w.more(rejected - 10)}\n`)
      if (rejected > 0) ctx.exitCode = EXIT.FAILED
    })
  welfare
    .command('erase')
    .description(w.eraseDescription)
    .requiredOption('--data <dir>', w.data)
    .requiredOption('--ref <ref>', w.ref)
    .action(async (opts: { data: string; ref: string }) => {
      const paths = dataDirPaths(opts.data)
      let vault: PersonalDataVault
      try {
        vault = new PersonalDataVault(new SqliteVaultBackend(paths.vault), loadSecret(paths.vaultKey, 'SAKSI_VAULT_KEY'))
      } catch (e) {
        throw new CliError(bilingual(W, (x) => x.cannotOpenVault(paths.dir, (e as Error).message)))
      }
      try {
        let subject: string
        try {
          // Found without decrypting: erasing is not a read of the person's data.
          subject = vault.subjectOf(opts.ref)
        } catch (e) {
          throw new CliError(isSaksiError(e) ? prefixed(`${opts.ref}: `, saksiErrorText(e)) : `${opts.ref}: ${String(e)}`)
        }
        const records = vault.list(subject).length
        const at = vault.erase(subject)
        ctx.io.out(`${w.erased(subject, records, at)}\n`)
      } finally {
        vault.close()
      }
    })
  return welfare
}
