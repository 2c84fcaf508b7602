import { utf8, type Receipt } from '../../core/index.js'
import type { OpenResponse, SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { SaksiApiError } from '../errors/saksi-api-error.js'
import { SaksiNetworkError } from '../errors/saksi-network-error.js'

/** Parameters of {@link streamReceipts}. */
export interface StreamReceiptsParameters {
  /** The first log index to receive (default: the current end of the log, live receipts only). */
  from?: number
  /** Ends the stream. */
  signal?: AbortSignal
}

/** What {@link streamReceipts} returns: the committed receipts in log order, as they come. */
export type StreamReceiptsReturnType = AsyncGenerator<Receipt, void, undefined>

/** What {@link streamReceipts} throws (from the iteration): an error status, data that is not JSON, a broken connection. */
export type StreamReceiptsErrorType = RequestErrorType

/** The `data` of each event of a Server-Sent Events text (comments, `id` and `retry` need no action here). */
function eventData(block: string): string | undefined {
  const data = block
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).replace(/^ /, ''))
  return data.length > 0 ? data.join('\n') : undefined
}

/**
 * `GET /v1/events`: one receipt per committed entry, as Server-Sent Events read over fetch (so it
 * runs in browsers and Node alike). Iterate with `for await`; breaking out of the loop, or the
 * signal, closes the connection. The stream ends when the node closes it (e.g. shutting down):
 * to resume, stream again `from` the last receipt's `index + 1`.
 */
export async function* streamReceipts(client: SaksiClient, { from, signal }: StreamReceiptsParameters = {}): StreamReceiptsReturnType {
  let opened: OpenResponse
  try {
    opened = await client.open({ path: '/v1/events', query: { from }, accept: 'text/event-stream', signal })
  } catch (e) {
    if (e instanceof SaksiNetworkError && e.code === 'CLIENT_ABORTED') return
    throw e
  }
  const { method, url, response } = opened
  if (response.status !== 200 || !response.body) {
    throw new SaksiApiError({ method, url, status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) })
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>
      try {
        chunk = await reader.read()
      } catch (e) {
        if (signal?.aborted) return
        throw new SaksiNetworkError('CLIENT_NETWORK', { method, url }, e)
      }
      if (chunk.done) return
      // Line ends may be CRLF, CR or LF; a CR at the end of a chunk may be half of a CRLF.
      const text = buffer + chunk.value
      const cr = text.endsWith('\r') ? '\r' : ''
      buffer = text.slice(0, text.length - cr.length).replace(/\r\n?/g, '\n') + cr
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = eventData(buffer.slice(0, end))
        buffer = buffer.slice(end + 2)
        if (data === undefined) continue
        let receipt: Receipt
        try {
          receipt = JSON.parse(data) as Receipt
        } catch {
          throw new SaksiApiError({ method, url, status: response.status, headers: response.headers, body: utf8(data) }, 'CLIENT_NOT_JSON', `GET /v1/events sent an event whose data is not JSON`)
        }
        yield receipt
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
}
