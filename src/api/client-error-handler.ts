import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { apiError, type ApiErrorCode } from './api-errors.js'
import { toHttpError } from './error-handler.js'

/**
 * Answers requests that are not well-formed HTTP (bad request line, header overflow, timeout)
 * before Fastify sees them, with the protocol's error body instead of Fastify's.
 * @param error the parser's or server's error
 * @param socket the client's socket
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const code: ApiErrorCode = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'REQUEST_MALFORMED'
  const out = toHttpError(apiError(code))
  const body = JSON.stringify(out.body)
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${out.status} ${STATUS_CODES[out.status] ?? ''}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}
