import { createClient, SaksiNetworkError, type SaksiClient } from 'saksi/client'
import { isSaksiError } from 'saksi'
import { CliError } from '../cli-error.js'
import { COMMON_WORDS as W } from '../words/common-words.js'
import { bilingual } from '../words/words.js'
import { saksiErrorText } from '../words/saksi-error-text.js'

/** The default node URL (`saksi start`'s default address). */
export const DEFAULT_NODE_URL = 'http://127.0.0.1:8080'

function reachable(e: unknown): never {
  // Without an answer there is no verdict: the command could not run (exit 2), as for a bad argument.
  if (e instanceof SaksiNetworkError) throw new CliError(saksiErrorText(e, { code: false }))
  throw e
}

/**
 * A client of the node at `--node URL`, as the client library makes it: a node that cannot be
 * reached is a `SaksiNetworkError` (for callers that tell it apart themselves, like the audit).
 * @param url e.g. `http://127.0.0.1:8080`
 * @throws CliError for a URL that is not http(s)
 */
export function createNodeClient(url: string): SaksiClient {
  try {
    return createClient({ url })
  } catch (e) {
    if (!isSaksiError(e) || e.code !== 'CLIENT_URL_INVALID') throw e
    throw new CliError(bilingual(W, (w) => (e.details?.reason === 'syntax' ? w.nodeNotUrl(url, DEFAULT_NODE_URL) : w.nodeNotHttp(url))))
  }
}

/**
 * A client of the node at `--node URL`, for the commands. A node that cannot be reached (nothing
 * listening, DNS, a timeout) becomes a {@link CliError}; an overloaded node (503) is retried after
 * its `Retry-After`, a few times (the client's default).
 * @param url e.g. `http://127.0.0.1:8080`
 * @throws CliError for a URL that is not http(s)
 */
export function openNodeClient(url: string): SaksiClient {
  const client = createNodeClient(url)
  return {
    url: client.url,
    request: (r) => client.request(r).catch(reachable),
    open: (r) => client.open(r).catch(reachable),
  }
}
