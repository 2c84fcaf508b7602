import { writeFile } from 'node:fs/promises'
import { Command } from 'commander'
import { CliError, EXIT, nodeNetwork, DEFAULT_NODE_URL, openNodeClient, readKeyFile, readTextFile, dataDirPaths } from '../../../cli/index.js'
import type { CliContext } from '../../../cli/index.js'
import { isSaksiError } from 'saksi'
import { loadSecret, PersonalDataVault, SqliteVaultBackend } from '../../../store/index.js'
import { readHouseholdCsv, HOUSEHOLD_CSV_COLUMNS, type ImportReject } from './household-csv.js'
import { importHouseholds, type ImportOutcome } from './import-households.js'
import { createImportProgress } from './import-progress.js'

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
  const welfare = new Command('welfare').description('welfare programmes (bansos): bulk import, erasure of personal data')
  welfare
    .command('import')
    .description(`register the households of a CSV file (one row per person; columns ${HOUSEHOLD_CSV_COLUMNS.join(',')}) as a field officer`)
    .argument('<file>', 'the CSV file')
    .requiredOption('--key <file>', "the field officer's key (welfare.enumerator)")
    .requiredOption('--programme <id>', 'the programme, e.g. dinsos.pkh')
    .option('--node <url>', 'the node', DEFAULT_NODE_URL)
    .option('--report <file>', 'where to write the report of every household (CSV; default <file>.report.csv)')
    .option('--concurrency <n>', 'batches of households (up to 50 people each) in flight at once', '16')
    .action(async (file: string, opts: ImportOptions) => {
      const { key, warning } = await readKeyFile(opts.key)
      if (warning) ctx.io.err(`${warning}\n`)
      const text = await readTextFile(file)
      let read
      try {
        read = readHouseholdCsv(text)
      } catch (e) {
        throw new CliError(`${file}: ${(e as Error).message}`)
      }
      const concurrency = Number(opts.concurrency)
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) throw new CliError('--concurrency must be 1-256')
      const client = openNodeClient(opts.node)
      const network = await nodeNetwork(client)

      ctx.io.err(`${read.households.length} households to import, ${read.rejects.length} rows refused while reading ${file}\n`)
      const progress = createImportProgress(ctx.io, read.households.length)
      const outcomes = await importHouseholds(client, network, key, opts.programme, read.households, { concurrency, onDone: (o) => progress.tick(o.status === 'registered') })
      progress.stop()

      const rows: (ImportOutcome | (ImportReject & { status: 'rejected' }))[] = [...outcomes, ...read.rejects.map((r) => ({ ...r, status: 'rejected' as const }))].sort((a, b) => a.row - b.row)
      const report = opts.report ?? `${file}.report.csv`
      const lines = ['row,household,status,id,code,message', ...rows.map((r) => [r.row, r.household, r.status, 'id' in r ? r.id : '', r.code, r.message].map(csvCell).join(','))]
      await writeFile(report, `${lines.join('\n')}\n`)
      const registered = outcomes.filter((o) => o.status === 'registered').length
      const rejected = rows.length - registered
      ctx.io.out(`${registered} households registered, ${rejected} rejected (report: ${report})\n`)
      for (const r of rows.filter((x) => x.status === 'rejected').slice(0, 10)) ctx.io.out(`  row ${r.row} ${r.household}: ${r.code} ${r.message ?? ''}\n`)
      if (rejected > 10) ctx.io.out(`  … and ${rejected - 10} more in the report\n`)
      if (rejected > 0) ctx.exitCode = EXIT.FAILED
    })
  welfare
    .command('erase')
    .description("erase a person's personal data from the vault of a data directory (UU PDP): their key and records are deleted; the log keeps its references and commitments, which can no longer be opened")
    .requiredOption('--data <dir>', 'the data directory')
    .requiredOption('--ref <ref>', "a vault reference of one of the person's records (pd_…), e.g. from a household's trail")
    .action(async (opts: { data: string; ref: string }) => {
      const paths = dataDirPaths(opts.data)
      let vault: PersonalDataVault
      try {
        vault = new PersonalDataVault(new SqliteVaultBackend(paths.vault), loadSecret(paths.vaultKey, 'SAKSI_VAULT_KEY'))
      } catch (e) {
        throw new CliError(`cannot open the vault of ${paths.dir}: ${(e as Error).message}`)
      }
      try {
        let subject: string
        try {
          // Found without decrypting: erasing is not a read of the person's data.
          subject = vault.subjectOf(opts.ref)
        } catch (e) {
          throw new CliError(`${opts.ref}: ${isSaksiError(e) ? `${e.code}: ${e.message}` : String(e)}`)
        }
        const records = vault.list(subject).length
        const at = vault.erase(subject)
        ctx.io.out(`erased data subject ${subject} (${records} records) at ${at ?? 'an earlier time'}\n`)
      } finally {
        vault.close()
      }
    })
  return welfare
}
