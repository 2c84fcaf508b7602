import type { SaksiClient } from 'saksi/client'
import { procurementAnswer, type ProcurementAnswer, type ProcurementAnswerErrorType } from './procurement-answer.js'

/** Parameters of {@link getSupplier}. */
export interface GetSupplierParameters {
  /** A supplier id, e.g. `mebel-jaya`. */
  supplier: string
}

/** What {@link getSupplier} returns. */
export type GetSupplierReturnType = ProcurementAnswer

/** What {@link getSupplier} throws. */
export type GetSupplierErrorType = ProcurementAnswerErrorType

/** `GET /v1/procurement/suppliers/{supplier}`: a registered supplier and its keys. */
export async function getSupplier(client: SaksiClient, { supplier }: GetSupplierParameters): Promise<GetSupplierReturnType> {
  return procurementAnswer(client, 'suppliers', supplier)
}
