import type { DemoStep } from '../../../cli/index.js'
import { loadWelfareDemo, type WelfareDemoSummary } from './load-welfare-demo.js'

function describeWelfare(w: WelfareDemoSummary): string {
  const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`
  return [
    `Welfare: programme ${w.programme}, ${w.households} households registered by a field officer (personal data in the vault)`,
    `  ${w.eligible} eligible, ${w.refused} refused with reasons; appeals: ${w.appeals.granted} granted, ${w.appeals.rejected} rejected`,
    `  ${w.period}: ${w.instructions} payments instructed, ${w.paid} paid, total ${rp(w.total)}; ${w.failedThenRetried} refused by the bank at first and retried`,
    `  (${w.transactions} signed transactions; try GET /v1/contracts/welfare/queries/stats?programme=${w.programme}&period=${w.period})`,
    '',
  ].join('\n')
}

/** The welfare part of `saksi demo`: Dinas Sosial's PKH programme, households, decisions, appeals, a paid quarter. */
export const welfareDemo: DemoStep = {
  intro: 'Loading the welfare demo (PKH: households, decisions, appeals, a paid quarter)…\n',
  load: async ({ node, paths, services }) => describeWelfare(await loadWelfareDemo(node, paths, services)),
}
