import { getNetwork, SaksiApiError, type SaksiClient } from 'saksi/client'
import { CliError } from '../cli-error.js'
import { COMMON_WORDS as W } from '../words/common-words.js'
import { bilingual } from '../words/words.js'

/**
 * The network id of the node, from `GET /v1/network`.
 * @throws CliError if the node does not answer as a Saksi node does
 */
export async function nodeNetwork(client: SaksiClient): Promise<string> {
  let status = 200
  let network: unknown
  try {
    network = ((await getNetwork(client)) as { network?: unknown } | null)?.network
  } catch (e) {
    if (!(e instanceof SaksiApiError)) throw e
    status = e.status
  }
  if (status !== 200 || typeof network !== 'string') throw new CliError(bilingual(W, (w) => w.notANode(client.url, status)))
  return network
}
