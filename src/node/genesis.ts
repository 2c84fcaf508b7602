import { z } from 'zod'
import { formatTime, assertJsonValue, ValidationError, isDidKey, NAME_PATTERN, CURRENT_RULES, DEFAULT_EXECUTION_LIMITS, executionLimitsOf, type DidKey } from 'saksi'
import type { ExecutionLimits, JsonObject } from 'saksi'
import { AdmissionSection } from './limits/index.js'

/** Default maximum validity window of a transaction (PROTOCOL section 3). */
export const DEFAULT_MAX_VALIDITY_SECONDS = 3600

const NAME = NAME_PATTERN
const ORIGIN = /^[\x21-\x7e]{1,200}$/

/** The node-level fields of a genesis document; contracts read their own sections of it. */
export const GenesisHeader = z.looseObject({
  v: z.literal(1),
  network: z.string().regex(NAME, 'network: 1-64 letters, digits, ".", "_" or "-"'),
  origin: z.string().regex(ORIGIN, 'origin: printable ASCII without spaces'),
  time: z.string(),
  nodeKey: z.string().refine(isDidKey, 'nodeKey must be an Ed25519 did:key'),
  maxValiditySeconds: z.number().int().min(60).max(86_400),
  /** The rules version the network executes under (absent: 1, the rules before issue 12). */
  rules: z.number().int().min(1).max(CURRENT_RULES, `rules: this node knows rules versions 1 to ${CURRENT_RULES}`).optional(),
  /** The network's admission limits (PROTOCOL-NOTES "Admission limits"); absent: the defaults. */
  admission: AdmissionSection.optional(),
})

/**
 * A parsed genesis document. `executionLimits` is `limits.execution` (PROTOCOL-NOTES, "Execution
 * limits"), undefined in a genesis written before limits: its calls run without a budget.
 */
export type Genesis = z.infer<typeof GenesisHeader> & { nodeKey: DidKey; executionLimits: ExecutionLimits | undefined }

/** What {@link createGenesis} needs. */
export interface CreateGenesisInput {
  network: string
  origin: string
  nodeKey: DidKey
  /** Genesis time (default now). */
  time?: number
  maxValiditySeconds?: number
  /** The rules version (default: the current one, {@link CURRENT_RULES}); 1 only to reproduce an old network. */
  rules?: number
  /** The budget of each call, written under `limits.execution` (default {@link DEFAULT_EXECUTION_LIMITS}). */
  executionLimits?: ExecutionLimits
  /** Organisations for the identity contract: `{ id, name, admins: [did], members? }`. */
  organisations?: JsonObject[]
  /** Further sections for other contracts. */
  extra?: JsonObject
}

/**
 * Builds a genesis document (the network's founding record; its JCS hash is block 0's `prev`).
 * @throws ValidationError `GENESIS_INVALID`
 */
export function createGenesis(input: CreateGenesisInput): JsonObject {
  const doc: JsonObject = {
    ...(input.extra ?? {}),
    v: 1,
    network: input.network,
    origin: input.origin,
    time: formatTime(input.time ?? Date.now()),
    nodeKey: input.nodeKey,
    maxValiditySeconds: input.maxValiditySeconds ?? DEFAULT_MAX_VALIDITY_SECONDS,
    rules: input.rules ?? CURRENT_RULES,
    organisations: input.organisations ?? [],
    limits: { ...(isObject(input.extra?.limits) ? input.extra.limits : {}), execution: { ...(input.executionLimits ?? DEFAULT_EXECUTION_LIMITS) } },
  }
  parseGenesis(doc)
  return doc
}

/**
 * Checks the node-level fields of a genesis document (contracts check their own sections when the
 * genesis block is executed).
 * @throws ValidationError `GENESIS_INVALID`
 */
export function parseGenesis(doc: unknown): Genesis {
  try {
    assertJsonValue(doc, 'genesis')
  } catch (e) {
    throw new ValidationError('GENESIS_INVALID', (e as Error).message)
  }
  const r = GenesisHeader.safeParse(doc)
  if (!r.success) {
    const issue = r.error.issues[0]!
    throw new ValidationError('GENESIS_INVALID', `genesis.${issue.path.join('.')}: ${issue.message}`)
  }
  return { ...r.data, executionLimits: executionLimitsOf(doc as JsonObject) } as Genesis
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
