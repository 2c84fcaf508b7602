import type { DemoStep } from '../../../cli/index.js'
import { loadProcurementDemo } from './load-procurement-demo.js'
import { PROCUREMENT_DEMO_WORDS as W } from './procurement-demo-words.js'

/** The procurement part of `saksi demo`: Dinas Pertamanan's park benches, from plan to payment. */
export const procurementDemo: DemoStep = {
  intro: { id: W.id.intro, en: W.en.intro },
  load: async ({ node, paths, services, port, lang }) => W[lang].summary(await loadProcurementDemo(node, paths, services), port).join('\n'),
}
