/**
 * `npm run bench`: Saksi's benchmarks. Each section returns figures; ratios are against a baseline
 * measured in the same run, so they compare across machines better than the raw numbers.
 * Run one section with `npm run bench -- <name>`.
 */
import { existsSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { benchAdmissionScreen } from './admission-screen.js'
import { benchAdmissionLimits } from './admission-limits.js'
import { benchEnvelope } from './envelope.js'
import { benchEvents } from './events.js'
import { benchExecution } from './execution.js'
import { benchFailedCalls } from './failed-calls.js'
import { benchMerkle } from './merkle.js'
import { benchNodeHttp } from './node-http.js'
import { benchNodeScale } from './node-scale.js'
import { benchSimulate } from './simulate.js'
import { benchStateDigest } from './state-digest.js'
import { benchStore } from './store.js'
import { SERVICES } from '../src/services/registry.js'
import type { BenchResult, BenchSection } from './types.js'

/** The core sections, then each registered service's own (`src/services/<name>/bench/index.ts`, if it has one). */
async function loadSections(): Promise<BenchSection[]> {
  const sections: BenchSection[] = [
    { name: 'envelope', run: benchEnvelope },
    { name: 'admission-screen', run: benchAdmissionScreen },
    { name: 'merkle', run: benchMerkle },
    { name: 'execution', run: benchExecution },
    { name: 'store', run: benchStore },
    { name: 'state-digest', run: benchStateDigest },
    { name: 'node-http', run: benchNodeHttp },
    { name: 'node-scale', run: benchNodeScale },
    { name: 'events', run: benchEvents },
    { name: 'admission-limits', run: benchAdmissionLimits },
    { name: 'failed-calls', run: benchFailedCalls },
    { name: 'simulate', run: benchSimulate },
  ]
  for (const { name } of SERVICES) {
    const url = new URL(`../src/services/${name}/bench/index.ts`, import.meta.url)
    if (!existsSync(fileURLToPath(url))) continue
    const module = (await import(url.href)) as { benchSections: BenchSection[] }
    sections.push(...module.benchSections)
  }
  return sections
}

function format(r: BenchResult): string {
  const v = r.value >= 100 ? Math.round(r.value).toLocaleString('en-US') : r.value.toPrecision(3)
  const ratio = r.ratio ? `  (${r.ratio.value.toFixed(3)}× ${r.ratio.baseline})` : ''
  const note = r.note ? `  [${r.note}]` : ''
  return `  ${r.name.padEnd(52)} ${v.padStart(12)} ${r.unit}${ratio}${note}`
}

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  const cpu = cpus()[0]?.model ?? 'unknown cpu'
  console.log(`Saksi bench — node ${process.version}, ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB`)
  for (const section of await loadSections()) {
    if (only.length > 0 && !only.includes(section.name)) continue
    console.log(`\n${section.name}`)
    const started = performance.now()
    for (const r of await section.run()) console.log(format(r))
    console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
