import type { NodeHalt } from '../../node/index.js'

/** The line an operator sees when block production halts. */
export function describeHalt(h: NodeHalt): string {
  return `saksi: BLOCK PRODUCTION HALTED (${h.code}): ${h.message}. Reads are still answered; new transactions are refused with NODE_HALTED. Fix or remove the contract, then restart the node; the ${h.held} transaction(s) held were not committed and may be submitted again.\n`
}
