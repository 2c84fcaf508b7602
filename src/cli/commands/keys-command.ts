import { Command } from 'commander'
import { toBase64, KeyPair, formatCosignatureVerifierKey, formatVerifierKey, isSaksiError } from 'saksi'
import { CliError } from '../cli-error.js'
import type { CliContext } from '../cli-context.js'
import { readKeyFile, writeKeyFile } from '../key-file.js'
import { KEYS_WORDS } from './keys-words.js'
import { prefixed } from '../words/words.js'
import { saksiErrorText } from '../words/saksi-error-text.js'

function verifierKeys(name: string, key: KeyPair): { note: string; cosignature: string } {
  try {
    return { note: formatVerifierKey(name, key.publicKey), cosignature: formatCosignatureVerifierKey(name, key.publicKey) }
  } catch (e) {
    if (isSaksiError(e)) throw new CliError(prefixed(`--origin ${JSON.stringify(name)}: `, saksiErrorText(e, { code: false })))
    throw e
  }
}

/**
 * `saksi keys new [--out FILE]` and `saksi keys show FILE [--origin NAME]`.
 * @param ctx output and exit code
 * @returns the `keys` command
 */
export function keysCommand(ctx: CliContext): Command {
  const w = KEYS_WORDS[ctx.lang]
  const keys = new Command('keys').description(w.description)

  keys
    .command('new')
    .description(w.newDescription)
    .option('--out <file>', w.out)
    .action(async (opts: { out?: string }) => {
      const key = KeyPair.generate()
      if (opts.out === undefined) {
        ctx.io.out(key.toPem())
        ctx.io.err(`${key.did}\n`)
        return
      }
      await writeKeyFile(opts.out, key)
      ctx.io.out(`${key.did}\n`)
      ctx.io.err(`${w.wrote(opts.out)}\n`)
    })

  keys
    .command('show')
    .description(w.showDescription)
    .argument('<file>', w.file)
    .option('--origin <name>', w.origin)
    .action(async (file: string, opts: { origin?: string }) => {
      const { key, warning } = await readKeyFile(file, ctx.lang)
      if (warning) ctx.io.err(`${warning}\n`)
      const lines = [
        `did:         ${key.did}`,
        `${w.publicKey.padEnd(13)}${toBase64(key.publicKey)} ${w.base64}`,
        `public JWK:  ${JSON.stringify(key.toPublicJwk())}`,
      ]
      if (opts.origin === undefined) {
        lines.push(...w.verifierHint)
      } else {
        const v = verifierKeys(opts.origin, key)
        lines.push(`${w.checkpointKey}${v.note}`, `${w.cosignatureKey}${v.cosignature}`)
      }
      ctx.io.out(lines.join('\n') + '\n')
    })

  return keys
}
