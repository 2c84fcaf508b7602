import type { Entry } from '../../core/index.js'
import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { requestJson } from '../utils/request-json.js'
import type { GetEntryParameters } from './get-entry-bytes.js'

/** What {@link getEntry} returns: the entry, parsed (for reading; to verify, hash `getEntryBytes`). */
export type GetEntryReturnType = Entry

/** What {@link getEntry} throws: 404 for an index past the end of the log. */
export type GetEntryErrorType = RequestErrorType

/** `GET /v1/log/entries/{index}`: a log entry (PROTOCOL section 4). */
export async function getEntry(client: SaksiClient, { index }: GetEntryParameters): Promise<GetEntryReturnType> {
  return (await requestJson<Entry>(client, { path: `/v1/log/entries/${index}` })).data
}
