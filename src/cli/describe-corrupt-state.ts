import type { StateIntegrityInfo } from 'saksi'

/**
 * What the operator reads on stderr when the node finds its state corrupt: what was found, what
 * the node does meanwhile, and what to do.
 * @param dir the data directory
 * @param info the node's state integrity
 */
export function describeCorruptState(dir: string, info: StateIntegrityInfo): string {
  return [
    `STATE_CORRUPT: the committed state in ${dir} is not what its blocks made it.`,
    `  ${info.reason ?? ''}`,
    '  The node keeps serving the log, its checkpoints and proofs, but answers every transaction and',
    '  every state query with 503 STATE_CORRUPT (GET /v1/network shows state.status "corrupt").',
    `  To act: stop the node, run \`saksi verify --data ${dir}\` to find the first key or entry that`,
    '  differs, restore ledger.sqlite from a backup taken before the change, and start the node again',
    '  (it checks the state digest again as it opens).',
    '',
  ].join('\n')
}
