import type { Command } from 'commander'
import type { ApiService } from '../api/service-routes.js'
import type { Contract } from '../core/runtime/index.js'
import type { SaksiNode } from '../node/saksi-node.js'
import type { CliContext } from './cli-context.js'
import type { DataDirPaths } from './data-dir/data-dir-paths.js'
import type { DataServices } from './data-dir/open-data-services.js'

/** What a service's demo step works with. */
export interface DemoEnv {
  /** The open node of the demo's data directory (the steps before this one are committed). */
  node: SaksiNode
  paths: DataDirPaths
  /** The vault, NIK hasher and payment outbox beside the node. */
  services: DataServices
  /** The port the demo will serve on, for the URLs it prints. */
  port: number
}

/** A service's part of `saksi demo`: loaded once, in registry order, through signed transactions. */
export interface DemoStep {
  /** Printed before the step runs (a step that takes seconds says what it is doing). */
  readonly intro?: string
  /**
   * Loads the service's demo data.
   * @returns the summary to print
   */
  load(env: DemoEnv): Promise<string>
}

/**
 * The part of a service descriptor the command line reads: the contract every node and audit
 * installs, the service's own commands (`saksi welfare ...`) and its demo step, besides the routes
 * it serves (`saksi start`, `saksi demo`).
 */
export interface CliService<Options = unknown> extends ApiService<Options> {
  readonly contract: Contract
  readonly commands?: readonly ((ctx: CliContext) => Command)[]
  readonly demo?: DemoStep
}

/**
 * The contracts of a list of services, in order: what a node installs and an auditor re-executes.
 * A node and its auditor must agree on the list, or their `stateDigest`s differ.
 * @param services e.g. the registry
 */
export function contractsOf(services: readonly { readonly contract: Contract }[]): Contract[] {
  return services.map((s) => s.contract)
}
