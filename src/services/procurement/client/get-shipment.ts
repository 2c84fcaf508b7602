import type { SaksiClient } from 'saksi/client'
import { procurementAnswer, type ShipmentParameters, type ProcurementAnswer, type ProcurementAnswerErrorType } from './procurement-answer.js'

/** Parameters of {@link getShipment}. */
export type GetShipmentParameters = ShipmentParameters

/** What {@link getShipment} returns. */
export type GetShipmentReturnType = ProcurementAnswer

/** What {@link getShipment} throws. */
export type GetShipmentErrorType = ProcurementAnswerErrorType

/** `GET /v1/procurement/processes/{process}/shipments/{shipment}`: a shipment with every signed movement and its payments. */
export async function getShipment(client: SaksiClient, { process, shipment }: GetShipmentParameters): Promise<GetShipmentReturnType> {
  return procurementAnswer(client, 'processes', process, 'shipments', shipment)
}
