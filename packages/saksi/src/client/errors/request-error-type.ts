import type { SaksiApiError } from './saksi-api-error.js'
import type { SaksiNetworkError } from './saksi-network-error.js'

/** What any action that asks the node may throw: the node's answer was not the one asked for, or none came. */
export type RequestErrorType = SaksiApiError | SaksiNetworkError
