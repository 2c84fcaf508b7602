import type { FastifyPluginAsync } from 'fastify'
import type { Contract } from 'saksi'
import type { SaksiNode } from '../node/index.js'
import type { NikHasher, PersonalDataVault, RequestGuardStore } from '../store/index.js'
import type { AuthSessions } from './auth/auth-sessions.js'

/**
 * What a node offers every service's routes besides the node itself: the personal-data vault and
 * keyed NIK hashes (absent on a node without their keys: routes that need them answer 503
 * `VAULT_UNAVAILABLE`), the store of used signed requests and daily quotas, the node's public URL, and how long a route may wait for a commit.
 */
export interface NodeResources {
  vault?: PersonalDataVault
  nik?: NikHasher
  /**
   * What the node remembers of signed requests (used request ids, daily quotas), shared by every
   * service's routes: a file in the data directory, so that a restart forgets neither.
   */
  guards: RequestGuardStore
  /** The URL the public reaches this node at, e.g. `https://saksi.kota-contoh.go.id` (no trailing slash); absent: as each request reached the node. */
  publicUrl?: string
  /** How long a route waits for a transaction it sent to commit, in ms. */
  waitTimeoutMs: number
  /** The node's sign-in sessions, for gated reads (`authorizeRead`). */
  sessions: AuthSessions
}

/** The options a service's routes plugin is registered with. */
export interface ServiceRoutesOptions<Options = undefined> {
  node: SaksiNode
  resources: NodeResources
  /** The service's own configuration, from its descriptor. */
  options: Options
}

/** A service's HTTP routes: a Fastify plugin under the service's own path (e.g. `/v1/welfare`). */
export type ServiceRoutes<Options = undefined> = FastifyPluginAsync<ServiceRoutesOptions<Options>>

/**
 * The part of a service descriptor the API reads: its routes and their configuration. The API
 * registers the services it is given, in order, and knows nothing else of them.
 */
export interface ApiService<Options = unknown> {
  /** The service's name, as in its contract (`welfare`). */
  readonly name: string
  /** Its contract, whose code table gives the API the kinds (hence statuses) of its codes. */
  readonly contract?: Contract
  readonly routes?: ServiceRoutes<Options>
  /** The service's own configuration for its routes. */
  readonly options?: Options
}
