import type { ClientRequest, ClientResponse, SaksiClient } from '../create-client.js'
import { SaksiApiError } from '../errors/saksi-api-error.js'

/**
 * Sends a request and returns the answer if its status is one the action expects.
 * @param expect the expected statuses (default 200)
 * @throws SaksiApiError for any other status
 * @throws SaksiNetworkError when no answer comes
 */
export async function requestOk(client: SaksiClient, request: ClientRequest, expect: readonly number[] = [200]): Promise<ClientResponse> {
  const response = await client.request(request)
  if (!expect.includes(response.status)) throw new SaksiApiError(response)
  return response
}
