import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Starts `saksi start --data DIR --port 0` as a real process (from source) and resolves once it
 * listens; the caller kills it. Rejects with its output if it exits first; `output` is everything
 * it printed so far (stdout and stderr).
 * @param children where the process is recorded, for the test's cleanup
 * @param env extra environment for the node
 */
export function startNodeProcess(dir: string, children: ChildProcess[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string; startedMs: number; output: () => string }> {
  const began = performance.now()
  const child = spawn(process.execPath, ['--conditions=saksi-source', '--import', 'tsx', 'src/main.ts', 'start', '--data', dir, '--port', '0'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
  children.push(child)
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /listening on (http:\/\/\S+)/.exec(output)
      if (m) resolve({ child, url: m[1]!, startedMs: performance.now() - began, output: () => output })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code, signal) => reject(new Error(`saksi start exited (${code ?? signal}): ${output}`)))
  })
}
