import { defineConfig } from 'vitest/config'

// CI asks for a JSON report beside the usual output (see .ci/run).
const jsonReport = process.env.SAKSI_VITEST_JSON

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 60_000,
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
})
