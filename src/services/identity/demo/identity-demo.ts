import type { DemoStep } from '../../../cli/index.js'
import { loadDemoData, type DemoStep as DemoTx } from './load-demo-data.js'

function describeSteps(steps: DemoTx[]): string {
  const lines = steps.map((s) => {
    const r = s.receipt
    const outcome = r.status === 'ok' ? r.events.map((e) => e.type).join(', ') : `failed ${r.code ?? ''}`
    return `  #${String(r.index).padEnd(3)} block ${String(r.block).padEnd(3)} ${s.call.padEnd(22)} ${s.who.padEnd(34)} ${outcome}`
  })
  return [`Loaded the demo through ${steps.length} signed transactions:`, ...lines, ''].join('\n')
}

/** The identity part of `saksi demo`: officials appointed, citizens registered and verified. */
export const identityDemo: DemoStep = {
  load: async ({ node, paths }) => describeSteps(await loadDemoData(node, paths)),
}
