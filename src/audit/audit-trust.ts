import { genesisHash, toBase64, publicKeyFromDidKey, formatVerifierKey } from 'saksi'
import type { JsonObject } from 'saksi'
import { parseGenesis, type Genesis } from '../node/index.js'
import { AuditFailure, attribute } from './audit-failure.js'
import type { AuditSource } from './audit-source.js'

/** What an audit trusts: the genesis document, and the keys and names it fixes. */
export interface AuditTrust {
  document: JsonObject
  genesis: Genesis
  /** SHA-256(JCS(genesis)): block 0's `prev`. */
  genesisHash: Uint8Array
  /** The node key's checkpoint verifier key, derived from the genesis `nodeKey` and `origin`. */
  vkey: string
  /** Keys that may propose blocks. */
  proposers: string[]
}

/**
 * Reads the genesis document the auditor trusts and derives the network's keys from it; a source
 * that claims another genesis hash or another verifier key fails the audit.
 * @throws AuditFailure at `genesis` or `network`
 */
export async function establishTrust(source: AuditSource): Promise<AuditTrust> {
  const { document, claimedGenesisHash, claimedVkey } = await source.genesis()
  const genesis = await attribute('genesis', () => parseGenesis(document), 'GENESIS_INVALID')
  const hash = genesisHash(document)
  const vkey = formatVerifierKey(genesis.origin, publicKeyFromDidKey(genesis.nodeKey))
  if (claimedGenesisHash !== undefined && claimedGenesisHash !== toBase64(hash)) {
    throw new AuditFailure('network', 'AUDIT_GENESIS_MISMATCH', `${source.label} reports genesisHash ${claimedGenesisHash}, but the genesis document hashes to ${toBase64(hash)}`)
  }
  if (claimedVkey !== undefined && claimedVkey !== vkey) {
    throw new AuditFailure('network', 'AUDIT_VKEY_MISMATCH', `${source.label} reports verifier key ${claimedVkey}, but the genesis node key gives ${vkey}`)
  }
  return { document, genesis, genesisHash: hash, vkey, proposers: [genesis.nodeKey] }
}
