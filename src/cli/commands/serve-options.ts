import { InvalidArgumentError, Option, type Command } from 'commander'

/** What `saksi start` and `saksi demo` listen on, as {@link addServeOptions} parses it. */
export interface ServeOptions {
  port: number
  host: string
  /** The URL the public reaches the node at, without a trailing slash. */
  publicUrl?: string
}

/**
 * Parses a `--port` value: an integer from 0 (any free port) to 65535.
 * @throws InvalidArgumentError (commander reports it as a usage error)
 */
export function parsePort(value: string): number {
  const n = Number(value)
  if (!/^\d{1,5}$/.test(value) || n > 65535) throw new InvalidArgumentError('must be an integer from 0 to 65535')
  return n
}

/**
 * Parses a `--public-url` value: an http or https URL, returned without a trailing slash.
 * @throws InvalidArgumentError (commander reports it as a usage error)
 */
export function parsePublicUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InvalidArgumentError(`${value} is not a URL, e.g. https://saksi.kota-contoh.go.id`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('must be an http or https URL')
  return url.href.replace(/\/+$/, '')
}

/**
 * Adds `--port` (or `PORT`, default 8080), `--host` (or `SAKSI_HOST`, default 127.0.0.1: behind a
 * reverse proxy on the same machine; `0.0.0.0` to listen on every interface) and `--public-url`
 * (or `SAKSI_PUBLIC_URL`) to a command that serves a node. A flag wins over the variable.
 * @param command the command
 * @returns the same command
 */
export function addServeOptions(command: Command): Command {
  return command
    .addOption(new Option('--port <n>', 'TCP port (0: any free port)').env('PORT').argParser(parsePort).default(8080))
    .addOption(new Option('--host <host>', 'address to listen on (0.0.0.0: every interface)').env('SAKSI_HOST').default('127.0.0.1'))
    .addOption(
      new Option('--public-url <url>', 'the URL the public reaches the node at, for QR codes and OCDS package URIs (default: as each request reached it)')
        .env('SAKSI_PUBLIC_URL')
        .argParser(parsePublicUrl),
    )
}
