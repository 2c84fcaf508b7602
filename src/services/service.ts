import type { CliService } from '../cli/cli-service.js'

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
