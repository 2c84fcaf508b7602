import { Command } from 'commander'
import { parseJson, type JsonObject, isSaksiError } from 'saksi'
import { CliError, EXIT } from '../cli-error.js'
import type { CliContext } from '../cli-context.js'
import { DEFAULT_NODE_URL, openNodeClient } from '../http/open-node-client.js'
import { failureMessage, signAndSubmit } from '../http/submit-and-wait.js'
import { readKeyFile } from '../key-file.js'

interface TxOptions {
  key: string
  contract: string
  method: string
  args: string
  node: string
  wait?: boolean
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

/**
 * `saksi tx --key FILE --contract C --method M --args JSON [--node URL] [--wait]`: builds, signs and
 * submits a transaction, and prints the node's answer (the receipt, `{txId}`, or the error body).
 * Exit code: 0 admitted or committed ok, 1 refused (an error status), 3 committed as failed.
 * @param ctx output and exit code
 */
export function txCommand(ctx: CliContext): Command {
  return new Command('tx')
    .description('build, sign and submit a transaction; print the receipt (with --wait) or {txId}, or the error')
    .requiredOption('--key <file>', 'the signing key (PKCS#8 PEM)')
    .requiredOption('--contract <name>', 'contract, e.g. identity')
    .requiredOption('--method <name>', 'method, e.g. register')
    .option('--args <json>', 'method arguments as a JSON object', '{}')
    .option('--node <url>', 'the node', DEFAULT_NODE_URL)
    .option('--wait', 'wait (up to 10 s) for the commit and print the receipt')
    .action(async (opts: TxOptions) => {
      const { key, warning } = await readKeyFile(opts.key)
      if (warning) ctx.io.err(`${warning}\n`)
      const args = parseArgs(opts.args)
      const client = openNodeClient(opts.node)
      const answer = await signAndSubmit(client, key, opts.contract, opts.method, args, opts.wait === true)
      const body = answer.body
      ctx.io.out(`${body === undefined ? answer.text : JSON.stringify(body, null, 2)}\n`)
      if (answer.status >= 400) {
        ctx.io.err(`saksi: the node answered ${answer.status}\n`)
        ctx.exitCode = EXIT.FAILED
      } else if ((body as { status?: unknown } | undefined)?.status === 'failed') {
        ctx.io.err(`saksi: committed as failed: ${await failureMessage(client, body)}\n`)
        ctx.exitCode = EXIT.TX_FAILED
      }
    })
}
