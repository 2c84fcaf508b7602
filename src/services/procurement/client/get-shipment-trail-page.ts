import { requestText, type RequestErrorType, type SaksiClient } from 'saksi/client'
import { procurementPath, type ShipmentParameters } from './procurement-answer.js'

/** Parameters of {@link getShipmentTrailPage}. */
export type GetShipmentTrailPageParameters = ShipmentParameters

/** What {@link getShipmentTrailPage} returns: the page's HTML (it runs no script). */
export type GetShipmentTrailPageReturnType = string

/** What {@link getShipmentTrailPage} throws: 404 `NOT_FOUND` for an unknown process or shipment. */
export type GetShipmentTrailPageErrorType = RequestErrorType

/** `GET /v1/procurement/processes/{process}/shipments/{shipment}/trail`: the shipment's public trail as a page, where its QR code leads. */
export async function getShipmentTrailPage(client: SaksiClient, { process, shipment }: GetShipmentTrailPageParameters): Promise<GetShipmentTrailPageReturnType> {
  return requestText(client, { path: procurementPath('processes', process, 'shipments', shipment, 'trail') }, 'text/html')
}
