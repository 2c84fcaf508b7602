import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** A bench script beside this file, as a path. */
export const benchScript = (name: string): string => fileURLToPath(new URL(name, import.meta.url))

/**
 * Starts a bench child under tsx; `onLine` gets each line it prints on stdout (stderr passes
 * through). Resolves with the process and a promise of its exit.
 */
export function startChild(script: string, args: string[], nodeFlags: string[] = [], onLine?: (line: string) => void): { process: ChildProcess; exited: Promise<void> } {
  const p = spawn(process.execPath, [...nodeFlags, '--conditions=saksi-source', '--import', 'tsx', benchScript(script), ...args], { stdio: ['pipe', 'pipe', 'inherit'] })
  let rest = ''
  p.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n')
    rest = parts.pop()!
    for (const l of parts) onLine?.(l)
  })
  const exited = new Promise<void>((resolve, reject) => {
    p.once('error', reject)
    p.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code ?? signal}`))))
  })
  return { process: p, exited }
}

/** Runs a bench child to its end and returns its stdout lines. */
export async function runChild(script: string, args: string[], nodeFlags: string[] = [], onLine?: (line: string) => void): Promise<string[]> {
  const lines: string[] = []
  const { process: p, exited } = startChild(script, args, nodeFlags, (l) => {
    lines.push(l)
    onLine?.(l)
  })
  p.stdin!.end()
  await exited
  return lines
}

/** The resident set size of a process, from /proc, in MiB. */
export async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises')
  const m = /VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : Number.NaN
}

/** Signs `total` registrations into two NDJSON files with two child processes; returns the files and the rate. */
export async function signEnvelopes(dir: string, total: number, network: string): Promise<{ files: string[]; perSecond: number }> {
  const { join } = await import('node:path')
  const half = Math.ceil(total / 2)
  const files = [join(dir, 'a.ndjson'), join(dir, 'b.ndjson')]
  const started = performance.now()
  await Promise.all([runChild('./scale-sign.ts', [files[0]!, String(half), '0', network]), runChild('./scale-sign.ts', [files[1]!, String(total - half), String(half), network])])
  return { files, perSecond: total / ((performance.now() - started) / 1000) }
}

/** CPU seconds per thread of a process (name and tid), from /proc/PID/task/*\/stat. */
export async function threadCpu(pid: number): Promise<Map<string, { name: string; seconds: number }>> {
  const { readdir, readFile } = await import('node:fs/promises')
  const out = new Map<string, { name: string; seconds: number }>()
  for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [])) {
    const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => '')
    const close = stat.lastIndexOf(')')
    if (close < 0) continue
    const name = stat.slice(stat.indexOf('(') + 1, close)
    const fields = stat.slice(close + 2).split(' ')
    // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the name; clock ticks of 10 ms.
    out.set(tid, { name, seconds: (Number(fields[11]) + Number(fields[12])) / 100 })
  }
  return out
}

/**
 * CPU use per thread between two `threadCpu` samples, in % of one core: the main thread's (tid =
 * pid) and the busiest threads as "name/tid N%".
 */
export function threadUse(pid: number, before: Map<string, { name: string; seconds: number }>, after: Map<string, { name: string; seconds: number }>, wallSeconds: number, top = 6): { mainPct: number; busiest: string } {
  const rows = [...after].map(([tid, a]) => ({ tid, name: a.name, pct: (100 * (a.seconds - (before.get(tid)?.seconds ?? 0))) / wallSeconds }))
  const busiest = rows
    .sort((x, y) => y.pct - x.pct)
    .slice(0, top)
    .map((r) => `${r.tid === String(pid) ? 'main' : `${r.name}/${r.tid}`} ${Math.round(r.pct)}%`)
    .join(', ')
  return { mainPct: rows.find((r) => r.tid === String(pid))?.pct ?? Number.NaN, busiest }
}

/** A fresh bench network in `dir`: the node key and genesis written as files for a child node. */
export async function benchNetwork(dir: string): Promise<{ genesisFile: string; keyFile: string }> {
  const { writeFileSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { KeyPair } = await import('../packages/saksi/src/core/keys/key-pair.js')
  const { createGenesis } = await import('../src/node/genesis.js')
  const key = KeyPair.generate()
  const genesisFile = join(dir, 'genesis.json')
  const keyFile = join(dir, 'node.pem')
  writeFileSync(genesisFile, JSON.stringify(createGenesis({ network: 'bench', origin: 'saksi.example/bench', nodeKey: key.did })))
  writeFileSync(keyFile, key.toPem(), { mode: 0o600 })
  return { genesisFile, keyFile }
}
