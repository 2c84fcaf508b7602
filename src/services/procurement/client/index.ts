/**
 * Actions of the procurement API (`/v1/procurement`): the contract's public answers, the trail
 * pages and QR codes, and the OCDS 1.1 export. Changes are transactions (`sendTransaction` from
 * `saksi/client`).
 */
export type { ProcessParameters, ProcurementAnswer, ProcurementAnswerErrorType, ShipmentParameters } from './procurement-answer.js'
export type { ListParameters } from './procurement-page.js'
export { listProcesses, type ListProcessesErrorType, type ListProcessesParameters, type ListProcessesReturnType } from './list-processes.js'
export { getProcess, type GetProcessErrorType, type GetProcessParameters, type GetProcessReturnType } from './get-process.js'
export { getProcessHistory, type GetProcessHistoryErrorType, type GetProcessHistoryParameters, type GetProcessHistoryReturnType } from './get-process-history.js'
export { getProcessConsistency, type GetProcessConsistencyErrorType, type GetProcessConsistencyParameters, type GetProcessConsistencyReturnType } from './get-process-consistency.js'
export { getProcessTrailPage, type GetProcessTrailPageErrorType, type GetProcessTrailPageParameters, type GetProcessTrailPageReturnType } from './get-process-trail-page.js'
export { getShipment, type GetShipmentErrorType, type GetShipmentParameters, type GetShipmentReturnType } from './get-shipment.js'
export { getShipmentTrailPage, type GetShipmentTrailPageErrorType, type GetShipmentTrailPageParameters, type GetShipmentTrailPageReturnType } from './get-shipment-trail-page.js'
export { getShipmentQrCode, type GetShipmentQrCodeErrorType, type GetShipmentQrCodeParameters, type GetShipmentQrCodeReturnType } from './get-shipment-qr-code.js'
export { listSuppliers, type ListSuppliersErrorType, type ListSuppliersParameters, type ListSuppliersReturnType } from './list-suppliers.js'
export { getSupplier, type GetSupplierErrorType, type GetSupplierParameters, type GetSupplierReturnType } from './get-supplier.js'
export { getOcdsReleases, type GetOcdsReleasesErrorType, type GetOcdsReleasesParameters, type GetOcdsReleasesReturnType } from './get-ocds-releases.js'
export { getOcdsRecord, type GetOcdsRecordErrorType, type GetOcdsRecordParameters, type GetOcdsRecordReturnType } from './get-ocds-record.js'
