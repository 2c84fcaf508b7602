import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { describeIssue } from './describe-issue.js'

function message(schema: z.ZodType, value: unknown): string {
  const r = schema.safeParse(value)
  if (r.success) throw new Error('expected a failure')
  return describeIssue(r.error.issues)
}

describe('describeIssue', () => {
  describe('when a field is wrong', () => {
    it('names the field and the rule, without zod’s own wording', () => {
      const S = z.strictObject({
        name: z.string().min(1).max(3),
        n: z.number().int().min(2),
        kind: z.enum(['a', 'b']),
        list: z.array(z.string().regex(/^x$/)).max(1),
        did: z.string().refine((s) => s.startsWith('did:'), 'must be a did'),
      })
      const good = { name: 'ab', n: 2, kind: 'a', list: ['x'], did: 'did:x' }
      expect(message(S, { ...good, name: undefined })).toBe('args.name must be a value of type string')
      expect(message(S, { ...good, name: '' })).toBe('args.name must have at least 1 character(s)')
      expect(message(S, { ...good, name: 'abcd' })).toBe('args.name must have at most 3 character(s)')
      expect(message(S, { ...good, n: 1 })).toBe('args.n must be at least 2')
      expect(message(S, { ...good, kind: 'c' })).toBe('args.kind must be one of: "a", "b"')
      expect(message(S, { ...good, list: ['y'] })).toBe('args.list[0] must match the format regex')
      expect(message(S, { ...good, list: ['x', 'x'] })).toBe('args.list must have at most 1 item(s)')
      expect(message(S, { ...good, did: 'x' })).toBe('args.did must be a did')
      expect(message(S, { ...good, extra: 1, more: 2 })).toBe('args has unknown field(s): extra, more')
      expect(message(z.strictObject({ 'a-b': z.string() }), {})).toBe('args["a-b"] must be a value of type string')
    })
  })
})
