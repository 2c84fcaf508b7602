import { HOUSEHOLD_ATTRIBUTES, MEMBER_ATTRIBUTES, MEMBERS, type AttributeKind } from './attributes.js'

/** Where a rule is evaluated: over the household, over one member, or inside `reduce`. */
export type RuleScope = 'household' | 'member' | 'reduce'

/** A problem found in a rule, with the path to it (e.g. `criteria[0].rule.and[1].var`). */
export interface RuleProblem {
  path: string
  message: string
}

const MAX_NODES = 500
const MAX_DEPTH = 24
const MAX_TEXT = 64

// Operators and their argument counts [min, max]. Left out on purpose: `/` (fractions of Rupiah),
// `log` (a side effect), `cat`/`substr`/`merge`/`missing`/`missing_some` (not needed, more to
// trust), and anything json-logic-js may add later.
const ARITY: Record<string, [number, number]> = {
  '==': [2, 2],
  '===': [2, 2],
  '!=': [2, 2],
  '!==': [2, 2],
  '>': [2, 2],
  '>=': [2, 2],
  '<': [2, 3],
  '<=': [2, 3],
  '!': [1, 1],
  '!!': [1, 1],
  and: [1, 32],
  or: [1, 32],
  if: [1, 33],
  '+': [1, 32],
  '*': [1, 32],
  '-': [1, 2],
  '%': [2, 2],
  min: [1, 32],
  max: [1, 32],
  in: [2, 2],
  filter: [2, 2],
  map: [2, 2],
  all: [2, 2],
  some: [2, 2],
  none: [2, 2],
  reduce: [3, 3],
  var: [1, 1],
}
const OVER_MEMBERS = new Set(['filter', 'map', 'all', 'some', 'none', 'reduce'])
const EQUALITY = new Set(['==', '===', '!=', '!=='])

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Checks a JSON Logic rule before it is stored: only the operators listed above, with their
 * argument counts; variables only among the attributes of the scope (household attributes and
 * `members` at the top, member attributes inside `filter`/`map`/`all`/`some`/`none`, and
 * `current.<attribute>` and `accumulator` inside `reduce`); literals that are safe integers,
 * booleans or short text; a text compared with an enumerated attribute must be one of its values
 * (so `"SMP"` for `"smp"` is caught when the programme is created, not when a family is refused).
 * @param rule the rule as JSON
 * @param path where the rule sits in the arguments, for messages
 * @param scope where the rule is evaluated
 * @returns the problems found, empty when the rule is valid
 */
export function validateRule(rule: unknown, path: string, scope: RuleScope = 'household'): RuleProblem[] {
  const problems: RuleProblem[] = []
  let nodes = 0
  const problem = (at: string, message: string): void => {
    if (problems.length < 20) problems.push({ path: at, message })
  }

  const varKind = (name: unknown, at: string, s: RuleScope): AttributeKind | 'members' | 'number' | undefined => {
    if (typeof name !== 'string') {
      problem(at, 'var takes one attribute name')
      return undefined
    }
    if (s === 'household') {
      if (name === MEMBERS) return 'members'
      if (Object.hasOwn(HOUSEHOLD_ATTRIBUTES, name)) return HOUSEHOLD_ATTRIBUTES[name]
      problem(at, `unknown household attribute "${name}" (known: ${[...Object.keys(HOUSEHOLD_ATTRIBUTES), MEMBERS].join(', ')})`)
      return undefined
    }
    if (s === 'member') {
      if (Object.hasOwn(MEMBER_ATTRIBUTES, name)) return MEMBER_ATTRIBUTES[name]
      problem(at, `unknown member attribute "${name}" (known: ${Object.keys(MEMBER_ATTRIBUTES).join(', ')})`)
      return undefined
    }
    if (name === 'accumulator') return 'number'
    const attr = name.startsWith('current.') ? name.slice('current.'.length) : undefined
    if (attr !== undefined && Object.hasOwn(MEMBER_ATTRIBUTES, attr)) return MEMBER_ATTRIBUTES[attr]
    problem(at, `inside reduce, use "accumulator" or "current.<member attribute>", not "${name}"`)
    return undefined
  }

  const enumOf = (node: unknown, s: RuleScope): readonly string[] | undefined => {
    if (!isPlainObject(node) || Object.keys(node).length !== 1 || !('var' in node)) return undefined
    const arg = Array.isArray(node.var) ? node.var[0] : node.var
    if (typeof arg !== 'string') return undefined
    const name = s === 'reduce' && arg.startsWith('current.') ? arg.slice(8) : arg
    const table = s === 'household' ? HOUSEHOLD_ATTRIBUTES : MEMBER_ATTRIBUTES
    const kind = Object.hasOwn(table, name) ? table[name] : undefined
    return typeof kind === 'object' ? kind.oneOf : undefined
  }

  const checkEnumLiteral = (values: readonly string[] | undefined, literal: unknown, at: string): void => {
    if (values && typeof literal === 'string' && !values.includes(literal)) problem(at, `"${literal}" is not one of ${values.join(', ')}`)
  }

  const walk = (node: unknown, at: string, s: RuleScope, depth: number): void => {
    if (++nodes > MAX_NODES) {
      if (nodes === MAX_NODES + 1) problem(path, `a rule has at most ${MAX_NODES} parts`)
      return
    }
    if (depth > MAX_DEPTH) {
      problem(at, `a rule nests at most ${MAX_DEPTH} deep`)
      return
    }
    if (typeof node === 'boolean') return
    if (typeof node === 'number') {
      if (!Number.isSafeInteger(node)) problem(at, 'numbers in rules are whole (safe) integers')
      return
    }
    if (typeof node === 'string') {
      if (node.length > MAX_TEXT) problem(at, `text in rules is at most ${MAX_TEXT} characters`)
      return
    }
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, `${at}[${i}]`, s, depth + 1))
      return
    }
    if (!isPlainObject(node)) {
      problem(at, 'null is not a rule value')
      return
    }
    const ops = Object.keys(node)
    if (ops.length !== 1) {
      problem(at, `an operation has exactly one operator, found ${ops.length === 0 ? 'none' : ops.join(', ')}`)
      return
    }
    const op = ops[0]!
    const opAt = `${at}${/^[a-z]+$/.test(op) ? `.${op}` : `["${op}"]`}`
    const arity = Object.hasOwn(ARITY, op) ? ARITY[op] : undefined
    if (!arity) {
      problem(opAt, `unknown or forbidden operator "${op}"`)
      return
    }
    const raw = node[op]
    const args = Array.isArray(raw) ? raw : [raw]
    if (args.length < arity[0] || args.length > arity[1]) {
      problem(opAt, `${op} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} to ${arity[1]}`} arguments, got ${args.length}`)
      return
    }
    if (op === 'var') {
      varKind(args[0], opAt, s)
      return
    }
    if (OVER_MEMBERS.has(op)) {
      if (s !== 'household') {
        problem(opAt, `${op} works over the household's members; it cannot be nested inside another`)
        return
      }
      const list = args[0]
      const isMembers = isPlainObject(list) && Object.keys(list).length === 1 && list.var === MEMBERS
      const isFiltered = isPlainObject(list) && Object.keys(list).length === 1 && 'filter' in list
      if (!isMembers && !isFiltered) problem(`${opAt}[0]`, `${op} takes {"var": "members"} (or a filter of it) as its list`)
      else walk(list, `${opAt}[0]`, s, depth + 1)
      walk(args[1], `${opAt}[1]`, op === 'reduce' ? 'reduce' : 'member', depth + 1)
      if (op === 'reduce') walk(args[2], `${opAt}[2]`, s, depth + 1)
      return
    }
    if (EQUALITY.has(op)) {
      checkEnumLiteral(enumOf(args[0], s), args[1], `${opAt}[1]`)
      checkEnumLiteral(enumOf(args[1], s), args[0], `${opAt}[0]`)
    }
    if (op === 'in' && Array.isArray(args[1])) {
      const values = enumOf(args[0], s)
      args[1].forEach((v, i) => checkEnumLiteral(values, v, `${opAt}[1][${i}]`))
    }
    args.forEach((a, i) => walk(a, `${opAt}[${i}]`, s, depth + 1))
  }

  walk(rule, path, scope, 0)
  return problems
}
