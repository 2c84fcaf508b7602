import { requestText, type RequestErrorType, type SaksiClient } from 'saksi/client'
import { procurementPath, type ShipmentParameters } from './procurement-answer.js'

/** Parameters of {@link getShipmentQrCode}. */
export type GetShipmentQrCodeParameters = ShipmentParameters

/** What {@link getShipmentQrCode} returns: the SVG image. */
export type GetShipmentQrCodeReturnType = string

/** What {@link getShipmentQrCode} throws: 404 `NOT_FOUND` for an unknown process or shipment. */
export type GetShipmentQrCodeErrorType = RequestErrorType

/** `GET /v1/procurement/processes/{process}/shipments/{shipment}/qr.svg`: a QR code that opens the shipment's public trail. */
export async function getShipmentQrCode(client: SaksiClient, { process, shipment }: GetShipmentQrCodeParameters): Promise<GetShipmentQrCodeReturnType> {
  return requestText(client, { path: procurementPath('processes', process, 'shipments', shipment, 'qr.svg') }, 'image/svg+xml')
}
