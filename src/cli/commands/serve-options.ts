import { InvalidArgumentError, Option, type Command } from 'commander'
import type { Language } from 'saksi/catalogue'
import { START_WORDS } from './start-words.js'

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
export function parsePort(value: string, lang: Language = 'en'): number {
  const n = Number(value)
  if (!/^\d{1,5}$/.test(value) || n > 65535) throw new InvalidArgumentError(START_WORDS[lang].badPort)
  return n
}

/**
 * Parses a `--public-url` value: an http or https URL, returned without a trailing slash.
 * @throws InvalidArgumentError (commander reports it as a usage error)
 */
export function parsePublicUrl(value: string, lang: Language = 'en'): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InvalidArgumentError(START_WORDS[lang].notUrl(value))
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError(START_WORDS[lang].notHttp)
  return url.href.replace(/\/+$/, '')
}

/**
 * Adds `--port` (or `PORT`, default 8080), `--host` (or `SAKSI_HOST`, default 127.0.0.1: behind a
 * reverse proxy on the same machine; `0.0.0.0` to listen on every interface) and `--public-url`
 * (or `SAKSI_PUBLIC_URL`) to a command that serves a node. A flag wins over the variable.
 * @param command the command
 * @param lang the language of the options' help and errors (default English)
 * @returns the same command
 */
export function addServeOptions(command: Command, lang: Language = 'en'): Command {
  const w = START_WORDS[lang]
  return command
    .addOption(new Option('--port <n>', w.port).env('PORT').argParser((v) => parsePort(v, lang)).default(8080))
    .addOption(new Option('--host <host>', w.host).env('SAKSI_HOST').default('127.0.0.1'))
    .addOption(
      new Option('--public-url <url>', w.publicUrl)
        .env('SAKSI_PUBLIC_URL')
        .argParser((v) => parsePublicUrl(v, lang)),
    )
}
