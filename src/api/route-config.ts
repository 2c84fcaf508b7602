/** What Saksi's routes may say about themselves in Fastify's route `config`. */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** The code a body over the route's limit gets (default `REQUEST_TOO_LARGE`). */
    tooLargeCode?: string
    /**
     * The JSON Schema of a body that the route reads itself rather than through a schema (the
     * envelope of `POST /v1/tx`, which the core's strict parser checks); documentation only.
     */
    documentedBody?: object
  }
}

/** The route config keys Saksi uses (see the augmentation of `FastifyContextConfig` above). */
export const ROUTE_CONFIG_KEYS = ['tooLargeCode', 'documentedBody'] as const
