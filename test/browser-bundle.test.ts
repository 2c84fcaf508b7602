import { builtinModules } from 'node:module'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type BuildOptions } from 'esbuild'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * What a browser loads: each of these must bundle for the browser with no Node built-in and no
 * server-side package: core, saksi/verify, the client, and every service's contract, views and
 * client actions (the browser-safe parts of a service folder, wherever it has them).
 */
const BROWSER_PARTS = ['contract', 'views', 'client']
const BROWSER_ENTRY_POINTS = [
  // The workspace package `saksi`: each of its export paths.
  'packages/saksi/src/core/index.ts',
  'packages/saksi/src/core/crypto/index.ts',
  'packages/saksi/src/verify/index.ts',
  'packages/saksi/src/client/index.ts',
  'packages/saksi/src/catalogue/index.ts',
  ...readdirSync(join(root, 'src/services'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'testing')
    .flatMap((d) => BROWSER_PARTS.map((part) => `src/services/${d.name}/${part}/index.ts`))
    .filter((entry) => existsSync(join(root, entry))),
]

/** Packages that belong to the node, the API or the command line, never to a browser bundle. */
const DENIED_PACKAGES = ['better-sqlite3', 'fastify', 'pino', 'prom-client', 'commander', 'cli-progress', 'csv-parse', /^@fastify\//]

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))

/** The npm package an input path of the metafile comes from, if any. */
function packageOf(input: string): string | undefined {
  return /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]
}

/**
 * Bundles an entry for the browser and lists what makes it unfit: build errors (an unresolvable
 * Node built-in is one), built-ins left as imports, and denied packages among the inputs.
 */
async function browserProblems(entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>): Promise<string[]> {
  let result
  try {
    result = await build({ ...entry, absWorkingDir: root, bundle: true, platform: 'browser', format: 'esm', conditions: ['saksi-source'], write: false, metafile: true, logLevel: 'silent' })
  } catch (e) {
    const errors = (e as { errors?: { text: string }[] }).errors
    if (!errors) throw e
    return errors.map((x) => `build: ${x.text}`)
  }
  const problems = result.errors.map((x) => `build: ${x.text}`)
  for (const input of Object.keys(result.metafile.inputs)) {
    const pkg = packageOf(input)
    if (pkg && DENIED_PACKAGES.some((d) => (typeof d === 'string' ? d === pkg : d.test(pkg)))) problems.push(`denied package ${pkg}: ${input}`)
    if (BUILTINS.has(input)) problems.push(`Node built-in ${input}`)
  }
  for (const output of Object.values(result.metafile.outputs)) {
    for (const i of output.imports) if (i.external || BUILTINS.has(i.path)) problems.push(`left as an import: ${i.path}`)
  }
  return problems
}

describe('browser bundles', () => {
  for (const entry of BROWSER_ENTRY_POINTS) {
    describe(`when ${entry} is bundled for the browser`, () => {
      it('builds with no Node built-in and no server-side package', async () => {
        expect(await browserProblems({ entryPoints: [entry] })).toEqual([])
      })
    })
  }

  describe('when an entry reaches a Node built-in (the check itself works)', () => {
    it('reports the build failure', async () => {
      const problems = await browserProblems({ stdin: { contents: "import { readFileSync } from 'node:fs'\nconsole.log(readFileSync)", resolveDir: root } })
      expect(problems).toEqual([expect.stringContaining('node:fs')])
    })
  })

  describe('when an entry reaches a denied package that has a browser build (the check itself works)', () => {
    it('reports the package', async () => {
      const problems = await browserProblems({ stdin: { contents: "import pino from 'pino'\nconsole.log(pino)", resolveDir: root } })
      expect(problems).toEqual([expect.stringMatching(/^denied package pino: /)])
    })
  })
})
