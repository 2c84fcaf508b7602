import type { RequestErrorType, SaksiClient } from '../../index.js'
import { procurementAnswer, type ProcurementAnswer } from './procurement-answer.js'

/** Parameters of {@link getShipment}. */
export interface GetShipmentParameters {
  /** A process id, e.g. `pertamanan.bangku-taman-2026`. */
  process: string
  /** A shipment id within the process. */
  shipment: string
}

/** What {@link getShipment} returns. */
export type GetShipmentReturnType = ProcurementAnswer

/** What {@link getShipment} throws: 404 `NOT_FOUND` when there is none, 400 for an id of the wrong form. */
export type GetShipmentErrorType = RequestErrorType

/** `GET /v1/procurement/processes/{process}/shipments/{shipment}`: a shipment with every signed movement and its payments. */
export async function getShipment(client: SaksiClient, { process, shipment }: GetShipmentParameters): Promise<GetShipmentReturnType> {
  return procurementAnswer(client, 'processes', process, 'shipments', shipment)
}
