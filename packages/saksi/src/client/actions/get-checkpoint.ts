import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { requestText } from '../utils/request-text.js'

/** What {@link getCheckpoint} returns: the signed note text (verify it with `saksi/verify`). */
export type GetCheckpointReturnType = string

/** What {@link getCheckpoint} throws. */
export type GetCheckpointErrorType = RequestErrorType

/** `GET /v1/log/checkpoint`: the latest signed checkpoint (C2SP tlog-checkpoint, signed-note). */
export async function getCheckpoint(client: SaksiClient): Promise<GetCheckpointReturnType> {
  return requestText(client, { path: '/v1/log/checkpoint' }, 'text/plain')
}
