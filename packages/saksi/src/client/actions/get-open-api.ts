import type { JsonObject } from '../../core/index.js'
import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { requestJson } from '../utils/request-json.js'

/** What {@link getOpenApi} returns: the OpenAPI 3.1 document. */
export type GetOpenApiReturnType = JsonObject

/** What {@link getOpenApi} throws. */
export type GetOpenApiErrorType = RequestErrorType

/** `GET /openapi.json`: the OpenAPI 3.1 description of the node's whole API, service APIs included. */
export async function getOpenApi(client: SaksiClient): Promise<GetOpenApiReturnType> {
  return (await requestJson<JsonObject>(client, { path: '/openapi.json' })).data
}
