/**
 * `papan` (a notice board): the smallest service there is, the worked example of
 * docs/ARCHITECTURE.md "Adding a service". Anyone posts a notice; anyone reads them.
 */
import { z } from 'zod'
import type { JsonValue } from 'saksi'
import { anyone, defineContract, defineMethod, defineQuery, text } from 'saksi'

const post = defineMethod({
  description: 'Posts a notice.',
  args: z.strictObject({ text: text(200) }),
  allow: anyone,
  run(ctx, { text }) {
    const id = String(ctx.index).padStart(12, '0')
    if (ctx.state.get(`notice/${id}`) !== undefined) ctx.fail('PAPAN_EXISTS', 'a notice with this id exists')
    ctx.state.put(`notice/${id}`, { id, text, by: ctx.caller, at: ctx.time.iso })
    ctx.emit('papan.Posted', { id })
  },
})

const notices = defineQuery({
  description: 'Every notice, oldest first.',
  args: z.strictObject({}),
  run: (q) => q.state.range({ prefix: 'notice/' }).map((e) => e.value) as JsonValue,
})

/** The notice board's contract. */
export const papan = defineContract({ name: 'papan', version: 1, methods: { post }, queries: { notices } })
