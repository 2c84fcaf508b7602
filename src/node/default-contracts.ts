import type { Contract } from '../core/runtime/index.js'
import { identity } from '../contracts/identity/index.js'
import { welfare } from '../contracts/welfare/index.js'
import { procurement } from '../contracts/procurement/index.js'

/**
 * The contracts a node installs unless told otherwise, in this order. Auditors re-execute with the
 * same list: a node and its auditor must agree on it, or their `stateDigest`s differ.
 */
export const DEFAULT_CONTRACTS: readonly Contract[] = [identity, welfare, procurement]
