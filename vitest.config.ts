import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// CI asks for a JSON report beside the usual output (see .ci/run).
const jsonReport = process.env.SAKSI_VITEST_JSON

// Tests run the workspace package `saksi` from its TypeScript source, as its `saksi-source` export
// condition names it (the same condition tsc's typecheck and `npm run bench` use), never a stale dist.
const sdk = new URL('./packages/saksi/', import.meta.url)
const exportsMap = (JSON.parse(readFileSync(new URL('package.json', sdk), 'utf8')) as { exports: Record<string, { 'saksi-source'?: string } | string> }).exports
const alias = Object.entries(exportsMap).flatMap(([path, target]) =>
  typeof target === 'object' && target['saksi-source'] ? [{ find: new RegExp(`^saksi${path.slice(1).replace(/[/.]/g, '\\$&')}$`), replacement: fileURLToPath(new URL(target['saksi-source'], sdk)) }] : [],
)

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 60_000,
    // The scheduled full audit of a data directory's node is off in tests (and in the nodes they
    // spawn, which inherit this); src/audit/audit-follower.test.ts and the CLI's test turn it on.
    // The CLI speaks the locale's language: tests (and the nodes they spawn) run under an explicit
    // English-neutral locale whatever the machine's LANG; tests of Indonesian pass --lang or an env.
    env: { SAKSI_AUDIT_INTERVAL_MINUTES: '0', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
})
