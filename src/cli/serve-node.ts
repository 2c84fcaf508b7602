import type { FastifyServerOptions } from 'fastify'
import { buildApi, type ApiOptions } from '../api/index.js'
import type { SaksiNode } from '../node/index.js'
import { CliError } from './cli-error.js'
import type { CliContext } from './cli-context.js'
import { COMMON_WORDS as W } from './words/common-words.js'
import { bilingual } from './words/words.js'

/** Options of {@link serveNode}. */
export interface ServeOptions {
  host: string
  port: number
  /** Fastify's pino logger options (default: info level, JSON lines on stdout). */
  logger?: FastifyServerOptions['logger']
  /** Called with the URL once listening. */
  onListening?: (url: string) => void | Promise<void>
  /**
   * Closes the node and what runs beside it (default: `node.close()`); may answer lines for the
   * operator (followers that did not finish), printed on stderr.
   */
  close?: () => Promise<void | string[]>
  /** More API options (the services, the vault, the public URL). */
  api?: Omit<ApiOptions, 'logger'>
}

/**
 * Serves a node's HTTP API until SIGINT, SIGTERM or `ctx.stop`; then closes the server (no new
 * requests, open streams finished), then `close`: with a data directory's node, the followers reach
 * the head (or their deadline) and save their cursors, then the node closes (block in progress
 * committed, store closed).
 * @param node the open node; closed when this resolves
 * @param ctx output and the stop signal
 * @param options address and logger
 * @throws CliError if the address cannot be bound
 */
export async function serveNode(node: SaksiNode, ctx: CliContext, options: ServeOptions): Promise<void> {
  const app = buildApi(node, { ...options.api, logger: options.logger ?? { level: 'info' } })
  let url: string
  try {
    const address = await app.listen({ host: options.host, port: options.port })
    url = formatUrl(address)
  } catch (e) {
    await app.close().catch(() => undefined)
    await (options.close ?? (() => node.close()))()
    throw new CliError(bilingual(W, (w) => w.cannotListen(`${options.host}:${options.port}`, (e as NodeJS.ErrnoException).code ?? (e as Error).message)))
  }
  ctx.io.out(`${W[ctx.lang].listening(url)}\n`)
  await options.onListening?.(url)

  let stopWith: (why: string) => void = () => undefined
  const stopped = new Promise<string>((resolve) => (stopWith = resolve))
  const sigint = () => stopWith('SIGINT')
  const sigterm = () => stopWith('SIGTERM')
  const abort = () => stopWith('stop')
  process.once('SIGINT', sigint)
  process.once('SIGTERM', sigterm)
  if (ctx.stop?.aborted) abort()
  ctx.stop?.addEventListener('abort', abort, { once: true })
  const signal = await stopped
  process.off('SIGINT', sigint)
  process.off('SIGTERM', sigterm)
  ctx.stop?.removeEventListener('abort', abort)
  ctx.io.err(`${W[ctx.lang].shuttingDown(signal)}\n`)
  await app.close()
  for (const note of (await (options.close ?? (() => node.close()))()) ?? []) ctx.io.err(`${note}\n`)
  ctx.io.err(`${W[ctx.lang].stopped}\n`)
}

// Fastify reports e.g. http://127.0.0.1:8080 or http://[::1]:8080; a wildcard host is shown as is.
function formatUrl(address: string): string {
  return address.replace(/\/$/, '')
}
