import { INITIAL_STATE_DIGEST, nextStateDigest } from '../block/block-header.js'
import type { JsonObject } from '../encoding/json.js'
import { parseTime } from '../encoding/time.js'
import { SaksiError, ValidationError } from '../errors.js'
import { snapshotJson } from '../state/json-snapshot.js'
import { StateOverlay } from '../state/state-overlay.js'
import type { StateWrite } from '../state/state-store.js'
import type { GenesisContext } from './context.js'
import type { Runtime } from './create-runtime.js'
import type { RuntimeCore } from './runtime-core.js'
import { Session } from './session.js'
import { isThenable, silence } from './thenable.js'
import { hashWriteSet } from './write-set.js'

/** What {@link executeGenesis} takes. */
export interface ExecuteGenesisInput {
  runtime: Runtime
  /** The genesis document (its JCS hash is block 0's `prev`). */
  genesis: JsonObject
  /** Block 0's time (e.g. the genesis document's `time`). */
  time: string
}

/** Block 0's state: the seeded writes and the first state digest. */
export interface GenesisExecution {
  /** All contracts' seeded writes, sorted by (contract, key). Persist them with block 0. */
  writes: StateWrite[]
  /** SHA-256(JCS(writes)). */
  writeSetHash: Uint8Array
  /** nextStateDigest(32 zero bytes, writeSetHash): block 0's `stateDigest`. */
  stateDigest: Uint8Array
}

const EMPTY = { get: () => undefined, range: () => [] }

function refuse(contract: string, message: string): never {
  throw new ValidationError('GENESIS_INVALID', `${contract}: ${message}`, { contract })
}

/**
 * Seeds state from the genesis document: block 0 holds no entries, and its write set is every
 * contract's `genesis` hook writes (hooks run in contract-name order on an empty state), sorted by
 * (contract, key). Blocks 1 and later are executed with `executeBlock`.
 * @param input the runtime, the genesis document and block 0's time
 * @returns the writes and block 0's state digest
 * @throws ValidationError `GENESIS_INVALID` when a contract refuses the document, `BLOCK_INVALID` for a bad time
 */
export function executeGenesis(input: ExecuteGenesisInput): GenesisExecution {
  let ms: number
  try {
    ms = parseTime(input.time, 'time')
  } catch (e) {
    throw new ValidationError('BLOCK_INVALID', (e as Error).message)
  }
  const time = Object.freeze({ iso: input.time, ms })
  const doc = snapshotJson(input.genesis, 'genesis') as JsonObject
  const overlay = new StateOverlay(EMPTY)
  const core = coreOf(input.runtime)
  for (const name of [...input.runtime.contracts.keys()].sort()) {
    const contract = input.runtime.contracts.get(name)!
    if (!contract.genesis) continue
    const session = new Session(core, overlay, 0)
    try {
      const ctx: GenesisContext = Object.freeze({ contract: name, time, state: session.access(name) })
      const returned: unknown = contract.genesis(ctx, doc)
      if (isThenable(returned)) {
        silence(returned)
        refuse(name, 'the genesis hook returned a Promise')
      }
      if (session.failure) refuse(name, session.failure.message)
    } catch (e) {
      if (e instanceof ValidationError && e.code === 'GENESIS_INVALID') throw e
      refuse(name, session.failure?.message ?? (e instanceof SaksiError ? `${e.code}: ${e.message}` : String((e as Error)?.message ?? e)))
    } finally {
      session.close()
    }
  }
  const writes = overlay.writes()
  const writeSetHash = hashWriteSet(writes)
  return { writes, writeSetHash, stateDigest: nextStateDigest(INITIAL_STATE_DIGEST, writeSetHash) }
}

// Genesis hooks only write their own namespace; views are not offered, so no queries run.
function coreOf(runtime: Runtime): RuntimeCore {
  return {
    contracts: runtime.contracts,
    directoryContract: undefined,
    // Genesis seeds state without a budget: the document is the network's own.
    limits: undefined,
    runQuery: () => {
      throw new ValidationError('GENESIS_INVALID', 'queries are not available at genesis')
    },
  }
}
