import type { Contract } from '../core/runtime/index.js'
import { identity } from '../services/identity/contract/index.js'
import { welfare } from '../services/welfare/contract/index.js'
import { procurement } from '../services/procurement/contract/index.js'

/**
 * The contracts a node installs unless told otherwise, in this order. Auditors re-execute with the
 * same list: a node and its auditor must agree on it, or their `stateDigest`s differ.
 */
export const DEFAULT_CONTRACTS: readonly Contract[] = [identity, welfare, procurement]
