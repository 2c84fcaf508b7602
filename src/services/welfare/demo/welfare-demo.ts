import type { DemoStep } from '../../../cli/index.js'
import { loadWelfareDemo } from './load-welfare-demo.js'
import { WELFARE_DEMO_WORDS as W } from './welfare-demo-words.js'

/** The welfare part of `saksi demo`: Dinas Sosial's PKH programme, households, decisions, appeals, a paid quarter. */
export const welfareDemo: DemoStep = {
  intro: { id: W.id.intro, en: W.en.intro },
  load: async ({ node, paths, services, lang }) => W[lang].summary(await loadWelfareDemo(node, paths, services)).join('\n'),
}
