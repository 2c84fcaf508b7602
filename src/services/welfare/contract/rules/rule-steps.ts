const OVER_MEMBERS = new Set(['filter', 'map', 'all', 'some', 'none', 'reduce'])

/**
 * The JSON Logic steps a rule may take over a household of `members` members: one per node, the
 * body of an operation over the members once per member. An upper bound (`and`, `or`, `if`, `all`
 * stop early), computed from the rule and the household alone, so every node charges the same.
 * @param rule a rule that passed `validateRule`
 * @param members the household's number of members
 */
export function ruleSteps(rule: unknown, members: number): number {
  if (Array.isArray(rule)) return rule.reduce((n: number, r) => n + ruleSteps(r, members), 1)
  if (typeof rule !== 'object' || rule === null) return 1
  const entries = Object.entries(rule)
  if (entries.length !== 1) return 1
  const [op, raw] = entries[0]!
  const args: unknown[] = Array.isArray(raw) ? raw : [raw]
  if (!OVER_MEMBERS.has(op)) return args.reduce((n: number, a) => n + ruleSteps(a, members), 1)
  const [list, body, ...rest] = args
  return 1 + ruleSteps(list, members) + members * ruleSteps(body, members) + rest.reduce((n: number, a) => n + ruleSteps(a, members), 0)
}
