import { StateOverlay } from '../state/state-overlay.js'
import type { StateStore } from '../state/state-store.js'
import type { CallInput } from './call-outcome.js'
import { checkArguments } from './check-arguments.js'
import { policyContext } from './check-policy.js'
import type { RoleHolding } from './directory.js'
import type { PolicyRequirement } from './policy.js'
import { RULES_ORIGINAL } from './rules.js'
import type { RuntimeCore } from './runtime-core.js'
import { Session } from './session.js'

/** A role asked for: in organisation `org`, or in any organisation when `org` is absent. */
export interface RoleNeed {
  readonly role: string
  readonly org?: string
}

/**
 * Why a call was refused on its access policy, for the signer (the simulate answer, the CLI),
 * never part of a committed result.
 */
export interface RefusalExplanation {
  /** Any one of these would do; absent when the method's body decided (its policy asks for no role). */
  needs?: RoleNeed[]
  /** The roles the signer holds, from the directory. */
  has: RoleHolding[]
  /** The same in words, in Bahasa Indonesia and English. */
  message: { id: string; en: string }
}

const ACCESS_DENIED = 'ACCESS_DENIED'

function needOf(r: PolicyRequirement, adminRole: string): RoleNeed {
  if ('role' in r) return r.org === undefined ? { role: r.role } : { role: r.role, org: r.org }
  return r.orgAdmin === undefined ? { role: adminRole } : { role: adminRole, org: r.orgAdmin }
}

/**
 * The words of an explanation, e.g. en "needs `welfare.verifier` of `dinsos`; this key has
 * `identity.verifier` of `dinsos`", id "perlu peran `welfare.verifier` di `dinsos`; kunci ini
 * memegang `identity.verifier` di `dinsos`".
 */
export function explanationMessage(needs: readonly RoleNeed[] | undefined, has: readonly RoleHolding[]): { id: string; en: string } {
  const en = (r: RoleNeed) => (r.org === undefined ? `\`${r.role}\` of any organisation` : `\`${r.role}\` of \`${r.org}\``)
  const id = (r: RoleNeed) => (r.org === undefined ? `\`${r.role}\` di organisasi mana pun` : `\`${r.role}\` di \`${r.org}\``)
  const hasEn = has.length > 0 ? `this key has ${has.map(en).join(', ')}` : 'this key holds no role'
  const hasId = has.length > 0 ? `kunci ini memegang ${has.map(id).join(', ')}` : 'kunci ini tidak memegang peran apa pun'
  if (needs === undefined || needs.length === 0) return { id: hasId, en: hasEn }
  return { id: `perlu peran ${needs.map(id).join(' atau ')}; ${hasId}`, en: `needs ${needs.map(en).join(' or ')}; ${hasEn}` }
}

/**
 * Explains a failed call's code when it came from the access decision (internal; see
 * `Runtime.explain`): the method's policy refused with `code` (then `needs` is what the policy
 * requires), or the policy allowed and the body failed with `ACCESS_DENIED` (no `needs`). Run it on
 * the state the call ran on. Nothing it does is kept.
 * @returns the explanation, or undefined when `code` is not an access refusal
 */
export function explainRefusal(core: RuntimeCore, state: StateStore, input: CallInput, code: string): RefusalExplanation | undefined {
  const { tx } = input
  const checked = checkArguments(core.contracts, tx, input.rules ?? RULES_ORIGINAL, false)
  if (!checked.ok) return undefined
  const session = new Session(core, new StateOverlay(state), 0)
  try {
    const directory = session.directory
    if (directory.keyRefusal(tx.signer)) return undefined
    const ctx = policyContext(session, { caller: tx.signer, contract: tx.contract, method: tx.method, args: checked.args, time: input.time })
    const policy = checked.method.allow
    const refusal = policy.check(ctx)
    if (session.failure) return undefined
    let needs: RoleNeed[] | undefined
    if (refusal?.code === code) needs = policy.requires?.(ctx)?.map((r) => needOf(r, directory.adminRole ?? 'orgAdmin'))
    else if (refusal !== undefined || code !== ACCESS_DENIED) return undefined
    const has = directory.rolesOf(tx.signer)
    const explanation: RefusalExplanation = { has, message: explanationMessage(needs, has) }
    if (needs !== undefined) explanation.needs = needs
    return explanation
  } catch {
    // An explanation is advice: a policy that throws here failed the call already, with its own code.
    return undefined
  } finally {
    session.close()
  }
}
