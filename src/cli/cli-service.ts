import type { Command } from 'commander'
import type { ApiService } from '../api/index.js'
import type { Contract } from 'saksi'
import type { SaksiNode } from '../node/index.js'
import type { CliContext } from './cli-context.js'
import type { DataDirPaths } from './data-dir/data-dir-paths.js'
import type { DataServices } from './data-dir/open-data-services.js'
import type { Language } from 'saksi/catalogue'
import type { Bilingual } from './words/words.js'

/** What a service's demo step works with. */
export interface DemoEnv {
  /** The open node of the demo's data directory (the steps before this one are committed). */
  node: SaksiNode
  paths: DataDirPaths
  /** The vault, NIK hasher and payment outbox beside the node. */
  services: DataServices
  /** The port the demo will serve on, for the URLs it prints. */
  port: number
  /** The operator's language, for the summary. */
  lang: Language
}

/** A service's part of `saksi demo`: loaded once, in registry order, through signed transactions. */
export interface DemoStep {
  /** Printed before the step runs (a step that takes seconds says what it is doing), in both languages. */
  readonly intro?: Bilingual
  /**
   * Loads the service's demo data.
   * @returns the summary to print, in `env.lang`
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

/**
 * A service, described once: its contract (imports only core), its HTTP routes and their
 * configuration, its CLI commands and its demo step. The node, the API, the CLI and the demo take
 * services from the registry (`src/services/registry.ts`) and know nothing else of them.
 *
 * `Options` is the service's own configuration (e.g. procurement's OCDS ocid prefix): it travels
 * in the descriptor and reaches the service's routes as `options`, never through `ApiOptions`.
 */
export type ServiceDescriptor<Options = unknown> = CliService<Options>

/**
 * Defines a service descriptor, checking that its routes take its options.
 * @param service the descriptor
 * @returns the same descriptor, typed for the registry's list
 */
export function defineService<Options>(service: ServiceDescriptor<Options>): ServiceDescriptor {
  // Safe: the routes and the options were checked against each other above; the registry holds
  // services of every configuration type side by side.
  return service as unknown as ServiceDescriptor
}
