import { z } from 'zod'
import { anyone, defineContract } from '../../../packages/saksi/src/core/runtime/index.js'

const Key = z.strictObject({ key: z.string().regex(/^[a-z0-9-]{1,32}$/) })

/**
 * A test-only contract (never registered as a service) whose `spin` writes, emits, then loops for
 * ever: the runaway the execution budget cannot see and the watchdog must interrupt.
 */
export const runaway = defineContract({
  name: 'runaway',
  version: 1,
  methods: {
    mark: { args: Key, allow: anyone, run: (ctx, a) => ctx.state.put(a.key, true) },
    spin: {
      args: Key,
      allow: anyone,
      run(ctx, a) {
        ctx.state.put(a.key, true)
        ctx.emit('runaway.Spinning', {})
        try {
          for (;;) {
            // never ends
          }
        } finally {
          ctx.state.put(`${a.key}-after`, true)
        }
      },
    },
  },
  queries: { get: { args: Key, run: (q, a) => q.state.get(a.key) } },
})
