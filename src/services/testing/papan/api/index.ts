import type { ServiceRoutes } from '../../../../api/index.js'

/** The notice board's own configuration: the title its page shows. */
export interface PapanOptions {
  title: string
}

/** `GET /v1/papan`: the notices under the configured title. */
export const papanRoutes: ServiceRoutes<PapanOptions> = async (app, { node, options }) => {
  app.get('/v1/papan', { schema: { tags: ['papan'], summary: 'The notices' } }, async () => ({ title: options.title, notices: await node.query('papan', 'notices', {}) }))
}
