import { Command } from 'commander'
import { toBase64, KeyPair, formatCosignatureVerifierKey, formatVerifierKey, isSaksiError } from 'saksi'
import { CliError } from '../cli-error.js'
import type { CliContext } from '../cli-context.js'
import { readKeyFile, writeKeyFile } from '../key-file.js'

function verifierKeys(name: string, key: KeyPair): { note: string; cosignature: string } {
  try {
    return { note: formatVerifierKey(name, key.publicKey), cosignature: formatCosignatureVerifierKey(name, key.publicKey) }
  } catch (e) {
    if (isSaksiError(e)) throw new CliError(`--origin ${JSON.stringify(name)}: ${e.message}`)
    throw e
  }
}

/**
 * `saksi keys new [--out FILE]` and `saksi keys show FILE [--origin NAME]`.
 * @param ctx output and exit code
 * @returns the `keys` command
 */
export function keysCommand(ctx: CliContext): Command {
  const keys = new Command('keys').description('create and inspect Ed25519 signing keys (PKCS#8 PEM files)')

  keys
    .command('new')
    .description('generate a key; with --out write it to FILE (mode 0600, never overwriting), else print the PEM on stdout and the did on stderr')
    .option('--out <file>', 'write the private key here')
    .action(async (opts: { out?: string }) => {
      const key = KeyPair.generate()
      if (opts.out === undefined) {
        ctx.io.out(key.toPem())
        ctx.io.err(`${key.did}\n`)
        return
      }
      await writeKeyFile(opts.out, key)
      ctx.io.out(`${key.did}\n`)
      ctx.io.err(`wrote ${opts.out} (mode 0600)\n`)
    })

  keys
    .command('show')
    .description("print a key file's did:key, public key and verifier keys (never the private part)")
    .argument('<file>', 'a PKCS#8 PEM Ed25519 private key')
    .option('--origin <name>', 'also print the verifier keys under this name (a node key: the log origin; a witness: its name)')
    .action(async (file: string, opts: { origin?: string }) => {
      const { key, warning } = await readKeyFile(file)
      if (warning) ctx.io.err(`${warning}\n`)
      const lines = [
        `did:         ${key.did}`,
        `public key:  ${toBase64(key.publicKey)} (base64, 32 bytes)`,
        `public JWK:  ${JSON.stringify(key.toPublicJwk())}`,
      ]
      if (opts.origin === undefined) {
        lines.push(
          'verifier keys: a node key verifies checkpoints as <origin>+<key id>+<base64 of 0x01 ‖ public key> (C2SP signed-note);',
          '               a witness key as <name>+<key id>+<base64 of 0x04 ‖ public key> (tlog-cosignature).',
          '               Pass --origin NAME to print them.',
        )
      } else {
        const v = verifierKeys(opts.origin, key)
        lines.push(`checkpoint verifier key: ${v.note}`, `cosignature verifier key: ${v.cosignature}`)
      }
      ctx.io.out(lines.join('\n') + '\n')
    })

  return keys
}
