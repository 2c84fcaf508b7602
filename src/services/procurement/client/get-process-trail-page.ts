import { requestText, type RequestErrorType, type SaksiClient } from 'saksi/client'
import { procurementPath, type ProcessParameters } from './procurement-answer.js'

/** Parameters of {@link getProcessTrailPage}. */
export type GetProcessTrailPageParameters = ProcessParameters

/** What {@link getProcessTrailPage} returns: the page's HTML (it runs no script). */
export type GetProcessTrailPageReturnType = string

/** What {@link getProcessTrailPage} throws: 404 `NOT_FOUND` for an unknown process. */
export type GetProcessTrailPageErrorType = RequestErrorType

/** `GET /v1/procurement/processes/{process}/trail`: the process's public trail as a page (Bahasa Indonesia, English). */
export async function getProcessTrailPage(client: SaksiClient, { process }: GetProcessTrailPageParameters): Promise<GetProcessTrailPageReturnType> {
  return requestText(client, { path: procurementPath('processes', process, 'trail') }, 'text/html')
}
