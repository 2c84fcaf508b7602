import type { ClientRequest, SaksiClient } from '../create-client.js'
import { requestOk } from './request-ok.js'

/**
 * Sends a request for a text answer (a checkpoint note, metrics, an HTML page, an SVG image).
 * @param accept the media type asked for
 * @returns the answer's text
 * @throws SaksiApiError for a status other than 200
 * @throws SaksiNetworkError when no answer comes
 */
export async function requestText(client: SaksiClient, request: ClientRequest, accept: string): Promise<string> {
  const response = await requestOk(client, { ...request, accept })
  return new TextDecoder().decode(response.body)
}
