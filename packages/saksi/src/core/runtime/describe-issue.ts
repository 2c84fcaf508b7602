import type { z } from 'zod'

function pathText(root: string, path: readonly PropertyKey[]): string {
  let out = root
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`
    else if (typeof p === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p)) out += `.${p}`
    else out += `[${typeof p === 'string' ? JSON.stringify(p) : 'symbol'}]`
  }
  return out
}

function valueText(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v)
}

/**
 * The path of the first issue of a failed zod parse, as {@link describeIssue} names it.
 * @param issues the parse error's issues
 * @param root the name of the parsed value
 * @returns e.g. `args.members[0].name`
 */
export function describeIssuePath(issues: readonly z.core.$ZodIssue[], root = 'args'): string {
  return issues[0] === undefined ? root : pathText(root, issues[0].path)
}

/**
 * A deterministic message for the first issue of a failed zod parse, naming the field. It is built
 * from the issue's structured fields and never from zod's own message text, which may change
 * between zod releases and would then make two nodes record different entry bytes. Custom
 * refinements keep their message (the contract's own text).
 * @param issues the parse error's issues
 * @param root the name of the parsed value, e.g. `args`
 * @returns e.g. `args.name must have at least 1 character(s)`
 */
export function describeIssue(issues: readonly z.core.$ZodIssue[], root = 'args'): string {
  const issue = issues[0]
  if (issue === undefined) return `${root} is invalid`
  const at = pathText(root, issue.path)
  switch (issue.code) {
    case 'invalid_type':
      return `${at} must be ${issue.expected === 'undefined' ? 'absent' : `a value of type ${issue.expected}`}`
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `${at} must have at least ${issue.minimum} ${issue.origin === 'string' ? 'character(s)' : 'item(s)'}`
        : `${at} must be at least ${issue.minimum}${issue.inclusive === false ? ' (exclusive)' : ''}`
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `${at} must have at most ${issue.maximum} ${issue.origin === 'string' ? 'character(s)' : 'item(s)'}`
        : `${at} must be at most ${issue.maximum}${issue.inclusive === false ? ' (exclusive)' : ''}`
    case 'invalid_format':
      return `${at} must match the format ${issue.format}`
    case 'not_multiple_of':
      return `${at} must be a multiple of ${issue.divisor}`
    case 'unrecognized_keys':
      return `${at} has unknown field(s): ${issue.keys.join(', ')}`
    case 'invalid_value':
      return `${at} must be one of: ${issue.values.map(valueText).join(', ')}`
    case 'invalid_union':
      return `${at} matches none of the allowed shapes`
    case 'invalid_key':
    case 'invalid_element':
      return `${at} has an invalid ${issue.code === 'invalid_key' ? 'key' : 'element'}`
    case 'custom':
      return `${at} ${issue.message}`
    default:
      return `${at} is invalid`
  }
}
