/** The notice board service's descriptor: what the registry lists. */
import { defineService } from '../../../cli/index.js'
import { papanRoutes, type PapanOptions } from './api/index.js'
import { papanCommand } from './cli/index.js'
import { papan } from './contract/index.js'
import { papanDemo } from './demo/index.js'

/** The notice board, titled for Kota Contoh. */
export const papanService = defineService<PapanOptions>({
  name: 'papan',
  contract: papan,
  routes: papanRoutes,
  options: { title: 'Papan Pengumuman Kota Contoh' },
  commands: [papanCommand],
  demo: papanDemo,
})
