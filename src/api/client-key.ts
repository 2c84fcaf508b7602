import type { FastifyRequest } from 'fastify'
import { clientId } from '../node/index.js'

/**
 * The key every per-client cap of the API counts a request under (admission buckets, event streams,
 * sign-in): its peer address as `clientId` groups it (IPv4 as is, `::ffff:a.b.c.d` as that IPv4,
 * IPv6 by its /64). The peer is the socket's address: Fastify's `trustProxy` is off, so a client
 * cannot choose its key with `X-Forwarded-For` (behind a reverse proxy, every client is the proxy;
 * docs/PROTOCOL-NOTES.md, "Client addresses").
 * @param request the request
 */
export function clientKey(request: FastifyRequest): string {
  return clientId(request.ip)
}
