import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { requestOk } from '../utils/request-ok.js'

/** Parameters of {@link getEntryBytes} and `getEntry`. */
export interface GetEntryParameters {
  /** The log index, from 0. */
  index: number
}

/** What {@link getEntryBytes} returns: the exact JCS bytes of the entry, as the Merkle leaf hashes them. */
export type GetEntryBytesReturnType = Uint8Array

/** What {@link getEntryBytes} throws: 404 for an index past the end of the log. */
export type GetEntryBytesErrorType = RequestErrorType

/** `GET /v1/log/entries/{index}`, as received: hash these bytes, never a re-serialisation. */
export async function getEntryBytes(client: SaksiClient, { index }: GetEntryParameters): Promise<GetEntryBytesReturnType> {
  return (await requestOk(client, { path: `/v1/log/entries/${index}` })).body
}
