import type { FastifyInstance } from 'fastify'
import { apiError } from './api-errors.js'

const UTF8 = new Set(['utf-8', 'utf8'])

/**
 * Makes `application/json` the only body type the app accepts, and hands the body on as its raw
 * bytes: the core's strict parser must see the text as sent (duplicate keys, lone surrogates,
 * invalid UTF-8), which `JSON.parse` would silently resolve. Any other media type, a charset other
 * than UTF-8 or a content coding is refused with 415 `MEDIA_TYPE_UNSUPPORTED`.
 * @param app the Fastify app
 */
export function installRawJsonParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const encoding = request.headers['content-encoding']
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      done(apiError('MEDIA_TYPE_UNSUPPORTED', 'content codings are not accepted; send the JSON as is'), undefined)
      return
    }
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(request.headers['content-type'] ?? '')?.[1]
    if (charset !== undefined && !UTF8.has(charset.toLowerCase())) {
      done(apiError('MEDIA_TYPE_UNSUPPORTED', 'the body must be UTF-8 JSON'), undefined)
      return
    }
    done(null, body)
  })
}
