import { anyOf, definePolicy, role, type Policy } from 'saksi'

/** The role an agency grants to the people who run its node (metrics, operations). */
export const OPERATOR_ROLE = 'node.operator'

/**
 * Who may read a node's operational routes (`/metrics`): the node's own key (its operator holds
 * `node-key.pem`) or a holder of `node.operator` in any organisation.
 * @param nodeDid the node key's did (genesis `nodeKey`)
 */
export function operatorPolicy(nodeDid: string | undefined): Policy {
  const nodeKey = definePolicy('the node key', (ctx) => (ctx.caller === nodeDid ? undefined : { code: 'ACCESS_DENIED', message: 'the caller is not the node key' }))
  return anyOf(nodeKey, role(OPERATOR_ROLE))
}
