import type { JsonValue } from 'saksi'
import { serviceAnswer, servicePath, type RequestErrorType, type SaksiClient } from 'saksi/client'

/**
 * The answer of a readable procurement path. The API documents these as any JSON: the procurement
 * views (`ProcessView`, ...) will type them.
 */
export type ProcurementAnswer = JsonValue

/** What the readable procurement paths throw: 404 `NOT_FOUND` when there is none, 400 for an id of the wrong form. */
export type ProcurementAnswerErrorType = RequestErrorType

/** Parameters naming a process. */
export interface ProcessParameters {
  /** A process id, e.g. `pertamanan.bangku-taman-2026`. */
  process: string
}

/** Parameters naming a shipment of a process. */
export interface ShipmentParameters extends ProcessParameters {
  /** A shipment id within the process. */
  shipment: string
}

/**
 * The path `/v1/procurement/{segments...}`, each segment encoded.
 * @param segments e.g. `processes`, the process id
 */
export function procurementPath(...segments: string[]): string {
  return servicePath('/v1/procurement', ...segments)
}

/** `GET /v1/procurement/{segments...}` as JSON. */
export async function procurementAnswer(client: SaksiClient, ...segments: string[]): Promise<ProcurementAnswer> {
  return serviceAnswer(client, '/v1/procurement', ...segments)
}
