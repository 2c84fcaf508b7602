import { z } from 'zod'
import { argsSchemaOf } from './check-arguments.js'
import type { Contract } from './define-contract.js'

/** A contract method as people and tools read it: what it does, who may call it, its arguments. */
export interface MethodDescription {
  contract: string
  method: string
  /** `contract.method`. */
  name: string
  description?: string
  /** Who may call it, as its policy describes itself (e.g. `role(welfare.verifier in args.programme's org)`). */
  allow: string
  /** The JSON Schema (draft 2020-12) of its arguments, derived from the contract's own zod schema. */
  args: Record<string, unknown>
  /** Fields where a long number is legitimate (not searched for NIKs or phone numbers). */
  longNumbers?: readonly string[]
  /** Whether a refused call is never logged (run against the head at admission). */
  sealedArgs?: boolean
}

/**
 * Describes every method of the contracts, in their order, under a rules version: the schemas the
 * node checks calls against, as JSON Schema (refinements such as "a valid did:key" are checked
 * but cannot be expressed: the schema says the type and the bounds, the description the rest).
 * @param contracts the installed contracts
 * @param rules the network's rules version (the schema may differ by version)
 */
export function describeMethods(contracts: readonly Contract[], rules: number): MethodDescription[] {
  const out: MethodDescription[] = []
  for (const c of contracts) {
    for (const [method, def] of c.methods) {
      const { $schema: _dialect, ...args } = z.toJSONSchema(argsSchemaOf(def, rules), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
      out.push({
        contract: c.name,
        method,
        name: `${c.name}.${method}`,
        ...(def.description === undefined ? {} : { description: def.description }),
        allow: def.allow.describe,
        args,
        ...(def.longNumbers?.length ? { longNumbers: def.longNumbers } : {}),
        ...(def.sealedArgs ? { sealedArgs: true } : {}),
      })
    }
  }
  return out
}
