import { checkHash } from './check.js'
import { foldRight } from './fold-right.js'
import { merkleError } from './merkle-errors.js'
import type { NodeId } from './node-id.js'

/**
 * What to read from a store to build a proof, and how to turn the hashes into the proof. Every
 * proof hash is a stored complete subtree, except at most one: the sibling on the tree's right
 * border, which covers a partial range and is rebuilt by folding that range's compact nodes
 * (modelled on transparency-dev/merkle `proof.Nodes`).
 */
export interface ProofPlan {
  /** The nodes to read, in proof order. */
  readonly nodes: readonly NodeId[]
  /** `nodes[start, end)` fold (right to left) into one proof hash; undefined when none do. */
  readonly fold: { readonly start: number; readonly end: number } | undefined
}

/**
 * Number of hashes in the proof a plan produces.
 * @param plan a plan from `inclusionProofPlan` or `consistencyProofPlan`
 * @returns the proof length
 */
export function proofLength(plan: ProofPlan): number {
  return plan.nodes.length - (plan.fold ? plan.fold.end - plan.fold.start - 1 : 0)
}

/**
 * Builds the proof from the hashes of the planned nodes.
 * @param plan a plan from `inclusionProofPlan` or `consistencyProofPlan`
 * @param hashes the hashes of `plan.nodes`, in the same order
 * @returns the proof, as RFC 9162 sections 2.1.3.1 and 2.1.4.1 order it
 * @throws ValidationError `MERKLE_NODE_COUNT_MISMATCH` or `MERKLE_HASH_WRONG_LENGTH`
 */
export function assembleProof(plan: ProofPlan, hashes: readonly Uint8Array[]): Uint8Array[] {
  if (hashes.length !== plan.nodes.length) {
    throw merkleError('MERKLE_NODE_COUNT_MISMATCH', `expected ${plan.nodes.length} hashes, got ${hashes.length}`)
  }
  for (let i = 0; i < hashes.length; i++) checkHash(hashes[i], `hashes[${i}]`)
  const { fold } = plan
  if (!fold) return hashes.slice()
  return [...hashes.slice(0, fold.start), foldRight(hashes, fold.start, fold.end), ...hashes.slice(fold.end)]
}

/**
 * Builds a plan from proof elements listed leaf-side first; an element of several nodes is the
 * right-border range (there is at most one in any RFC 6962 proof).
 * @param elements node ids of each proof element
 * @returns the plan
 */
export function planFromElements(elements: readonly (readonly NodeId[])[]): ProofPlan {
  const nodes: NodeId[] = []
  let fold: ProofPlan['fold']
  for (const element of elements) {
    if (element.length > 1) fold = { start: nodes.length, end: nodes.length + element.length }
    nodes.push(...element)
  }
  return { nodes, fold }
}
