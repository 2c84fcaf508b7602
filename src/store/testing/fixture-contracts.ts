/**
 * Test support: two small contracts for the store fixtures. `people` is shaped like identity
 * (genesis organisations, records keyed by did, a counter read and written by every call,
 * refusals); `notes` puts and deletes any JSON under any key, which identity never does.
 */
import { z } from 'zod'
import type { JsonObject, JsonValue } from '../../../packages/saksi/src/core/encoding/json.js'
import { anyone, defineContract } from '../../../packages/saksi/src/core/runtime/index.js'

const Key = z.string().regex(/^[\x21-\x7e]{1,100}$/)

/** Organisations from genesis, people who register, join and get verified. */
export const people = defineContract({
  name: 'people',
  version: 1,
  genesis(ctx, doc) {
    for (const org of (doc.organisations ?? []) as JsonObject[]) {
      ctx.state.put(`org/${String(org.id)}`, { name: org.name ?? '', createdAt: ctx.time.iso })
      for (const admin of (org.admins ?? []) as string[]) ctx.state.put(`member/${String(org.id)}/${admin}`, { roles: ['admin'] })
    }
  },
  methods: {
    register: {
      args: z.strictObject({ name: z.string().min(1).max(100) }),
      allow: anyone,
      run(ctx, { name }) {
        if (ctx.state.get(`person/${ctx.caller}`) !== undefined) ctx.fail('PEOPLE_EXISTS', 'already registered')
        ctx.state.put(`person/${ctx.caller}`, { name, since: ctx.time.iso, index: ctx.index, verified: false })
        ctx.state.put('count', ((ctx.state.get('count') as number | undefined) ?? 0) + 1)
        ctx.emit('people.Registered', { did: ctx.caller })
      },
    },
    join: {
      args: z.strictObject({ org: Key, roles: z.array(z.string()).max(5) }),
      allow: anyone,
      run(ctx, { org, roles }) {
        if (ctx.state.get(`org/${org}`) === undefined) ctx.fail('PEOPLE_NO_ORG')
        ctx.state.put(`member/${org}/${ctx.caller}`, { roles })
      },
    },
    verify: {
      args: z.strictObject({ did: z.string().max(200) }),
      allow: anyone,
      run(ctx, { did }) {
        const record = ctx.state.get(`person/${did}`) as JsonObject | undefined
        if (!record) ctx.fail('PEOPLE_UNKNOWN')
        ctx.state.put(`person/${did}`, { ...record, verified: true, by: ctx.caller })
      },
    },
  },
})

/** Puts and deletes arbitrary JSON under arbitrary keys. */
export const notes = defineContract({
  name: 'notes',
  version: 1,
  methods: {
    put: {
      args: z.strictObject({ key: Key, value: z.unknown() }),
      allow: anyone,
      run(ctx, { key, value }) {
        ctx.state.put(key, value as JsonValue)
      },
    },
    del: {
      args: z.strictObject({ key: Key }),
      allow: anyone,
      run(ctx, { key }) {
        ctx.state.delete(key)
      },
    },
  },
})
