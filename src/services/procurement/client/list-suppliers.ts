import type { JsonObject } from 'saksi'
import type { Page, RequestErrorType, SaksiClient } from 'saksi/client'
import { procurementPage, type ListParameters } from './procurement-page.js'

/** Parameters of {@link listSuppliers}. */
export type ListSuppliersParameters = ListParameters

/** What {@link listSuppliers} returns: registered suppliers, by id. */
export type ListSuppliersReturnType = Page<JsonObject>

/** What {@link listSuppliers} throws: 400 for a `limit` or `after` of the wrong form. */
export type ListSuppliersErrorType = RequestErrorType

/** `GET /v1/procurement/suppliers`: registered suppliers, a page at a time. */
export async function listSuppliers(client: SaksiClient, parameters: ListSuppliersParameters = {}): Promise<ListSuppliersReturnType> {
  return procurementPage(client, 'suppliers', parameters)
}
