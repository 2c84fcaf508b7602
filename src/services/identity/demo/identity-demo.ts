import type { Language } from 'saksi/catalogue'
import type { DemoStep } from '../../../cli/index.js'
import { IDENTITY_DEMO_WORDS } from './identity-demo-words.js'
import { loadDemoData, type DemoStep as DemoTx } from './load-demo-data.js'

function describeSteps(steps: DemoTx[], lang: Language): string {
  const w = IDENTITY_DEMO_WORDS[lang]
  const lines = steps.map((s) => {
    const r = s.receipt
    const outcome = r.status === 'ok' ? r.events.map((e) => e.type).join(', ') : w.failed(r.code ?? '')
    return `  #${String(r.index).padEnd(3)} ${w.block} ${String(r.block).padEnd(3)} ${s.call.padEnd(22)} ${s.who[lang].padEnd(34)} ${outcome}`
  })
  return [w.loaded(steps.length), ...lines, ''].join('\n')
}

/** The identity part of `saksi demo`: officials appointed, citizens registered and verified. */
export const identityDemo: DemoStep = {
  load: async ({ node, paths, lang }) => describeSteps(await loadDemoData(node, paths), lang),
}
