import type { ClientRequest, ClientResponse, SaksiClient } from '../create-client.js'
import { SaksiApiError } from '../errors/saksi-api-error.js'
import { parseJsonBody } from './parse-json-body.js'
import { requestOk } from './request-ok.js'

/**
 * Sends a request and parses its JSON answer. Nothing is validated beyond JSON: `T` names what the
 * node's API documents, and callers that act on a claim check it.
 * @param expect the expected statuses (default 200)
 * @returns the parsed body and the answer (for its headers)
 * @throws SaksiApiError for an unexpected status, or `CLIENT_NOT_JSON` for a body that is not JSON
 * @throws SaksiNetworkError when no answer comes
 */
export async function requestJson<T>(client: SaksiClient, request: ClientRequest, expect?: readonly number[]): Promise<{ data: T; response: ClientResponse }> {
  const response = await requestOk(client, request, expect)
  const data = parseJsonBody(response.body)
  if (data === undefined) throw new SaksiApiError(response, 'CLIENT_NOT_JSON', `${response.method} ${new URL(response.url).pathname} answered ${response.status} with a body that is not JSON`)
  return { data: data as T, response }
}
