import type { RequestErrorType, SaksiClient } from '../../index.js'
import { procurementAnswer, type ProcurementAnswer } from './procurement-answer.js'

/** Parameters of {@link getSupplier}. */
export interface GetSupplierParameters {
  /** A supplier id, e.g. `mebel-jaya`. */
  supplier: string
}

/** What {@link getSupplier} returns. */
export type GetSupplierReturnType = ProcurementAnswer

/** What {@link getSupplier} throws: 404 `NOT_FOUND` when there is none, 400 for an id of the wrong form. */
export type GetSupplierErrorType = RequestErrorType

/** `GET /v1/procurement/suppliers/{supplier}`: a registered supplier and its keys. */
export async function getSupplier(client: SaksiClient, { supplier }: GetSupplierParameters): Promise<GetSupplierReturnType> {
  return procurementAnswer(client, 'suppliers', supplier)
}
