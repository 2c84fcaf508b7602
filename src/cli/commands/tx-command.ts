import { Command } from 'commander'
import { parseJson, type JsonObject, isSaksiError } from 'saksi'
import { CliError, EXIT } from '../cli-error.js'
import type { CliContext } from '../cli-context.js'
import { DEFAULT_NODE_URL, openNodeClient } from '../http/open-node-client.js'
import { failureMessage, signCall, simulateEnvelope, submitEnvelope, type Submitted } from '../http/submit-and-wait.js'
import { whyItWouldFail } from './why-it-would-fail.js'
import { readKeyFile } from '../key-file.js'
import { contractsOf } from '../cli-service.js'
import { describeMethod } from './describe-method.js'

interface TxOptions {
  key?: string
  contract?: string
  method?: string
  describe?: string
  args: string
  node: string
  wait?: boolean
  force?: boolean
  dryRun?: boolean
}

function parseArgs(text: string): JsonObject {
  let value
  try {
    value = parseJson(text)
  } catch (e) {
    throw new CliError(`--args is not JSON: ${isSaksiError(e) ? e.message : String(e)}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError('--args must be a JSON object, e.g. \'{"name":"Siti Rahayu"}\'')
  return value
}

/** Prints a node's answer (a receipt or an error body) as JSON, or as the text it came as. */
function print(ctx: CliContext, answer: Submitted): void {
  ctx.io.out(`${answer.body === undefined ? answer.text : JSON.stringify(answer.body, null, 2)}\n`)
}

/**
 * `saksi tx --key FILE --contract C --method M --args JSON [--node URL] [--wait] [--force | --dry-run]`,
 * or `saksi tx --describe contract.method`:
 * builds and signs a transaction, simulates it on the node (`POST /v1/tx/simulate`), and submits
 * it unless it would fail; prints the node's answer (the receipt, `{txId}`, or the error body).
 * A call that would fail is not sent (its would-be receipt is printed, and why on stderr) unless
 * `--force`; `--dry-run` only simulates.
 * Exit code: 0 admitted or committed ok (or would be), 1 refused (an error status, or a call that
 * would fail and was not sent), 3 committed as failed.
 * @param ctx output and exit code
 */
export function txCommand(ctx: CliContext): Command {
  return new Command('tx')
    .description('build, sign, simulate and submit a transaction; print the receipt (with --wait) or {txId}, or the error')
    .option('--key <file>', 'the signing key (PKCS#8 PEM; required unless --describe)')
    .option('--contract <name>', 'contract, e.g. identity (required unless --describe)')
    .option('--method <name>', 'method, e.g. register (required unless --describe)')
    .option('--describe <contract.method>', "print what a method does, who may call it and its arguments' schema, and send nothing")
    .option('--args <json>', 'method arguments as a JSON object', '{}')
    .option('--node <url>', 'the node', DEFAULT_NODE_URL)
    .option('--wait', 'wait (up to 10 s) for the commit and print the receipt')
    .option('--force', 'send the transaction even if the simulation says it would fail')
    .option('--dry-run', 'only simulate: print the would-be receipt and send nothing')
    .action(async (opts: TxOptions) => {
      if (opts.describe !== undefined) {
        ctx.io.out(describeMethod(contractsOf(ctx.services), opts.describe))
        return
      }
      for (const name of ['key', 'contract', 'method'] as const) {
        if (opts[name] === undefined) throw new CliError({ en: `required option '--${name}' not specified (or use --describe contract.method)`, id: `opsi wajib '--${name}' belum diberikan (atau gunakan --describe kontrak.metode)` })
      }
      if (opts.force && opts.dryRun) throw new CliError('--force and --dry-run do not go together')
      const { key, warning } = await readKeyFile(opts.key!)
      if (warning) ctx.io.err(`${warning}\n`)
      const args = parseArgs(opts.args)
      const client = openNodeClient(opts.node)
      const envelope = await signCall(client, key, opts.contract!, opts.method!, args)
      const simulated = await simulateEnvelope(client, envelope)
      const why = whyItWouldFail(simulated)
      if (opts.dryRun || (why !== undefined && !opts.force)) {
        print(ctx, simulated)
        if (why !== undefined) {
          ctx.io.err(`saksi: ${opts.dryRun ? 'it would fail' : 'not sent: it would fail'}: ${why}\n`)
          if (!opts.dryRun) ctx.io.err('saksi: --force sends it anyway\n')
          ctx.exitCode = EXIT.FAILED
        }
        return
      }
      const answer = await submitEnvelope(client, envelope, opts.wait === true)
      print(ctx, answer)
      const body = answer.body
      if (answer.status >= 400) {
        ctx.io.err(`saksi: the node answered ${answer.status}\n`)
        ctx.exitCode = EXIT.FAILED
      } else if ((body as { status?: unknown } | undefined)?.status === 'failed') {
        ctx.io.err(`saksi: committed as failed: ${await failureMessage(client, body)}\n`)
        ctx.exitCode = EXIT.TX_FAILED
      }
    })
}
