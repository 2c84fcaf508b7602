import type { JsonObject } from 'saksi'
import type { Page, RequestErrorType, SaksiClient } from 'saksi/client'
import { procurementPage, type ListParameters } from './procurement-page.js'

/** Parameters of {@link listProcesses}. */
export type ListProcessesParameters = ListParameters

/** What {@link listProcesses} returns: processes in brief, by id. */
export type ListProcessesReturnType = Page<JsonObject>

/** What {@link listProcesses} throws: 400 for a `limit` or `after` of the wrong form. */
export type ListProcessesErrorType = RequestErrorType

/** `GET /v1/procurement/processes`: procurement processes in brief, a page at a time. */
export async function listProcesses(client: SaksiClient, parameters: ListProcessesParameters = {}): Promise<ListProcessesReturnType> {
  return procurementPage(client, 'processes', parameters)
}
