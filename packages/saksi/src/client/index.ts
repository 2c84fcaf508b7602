/**
 * `saksi/client`: a typed HTTP client of a Saksi node (PROTOCOL section 7), browser-safe (it needs
 * only `fetch`). Create a client with {@link createClient}, then call actions with it, one
 * function per API action: `await getNetwork(client)`. Errors are `SaksiApiError` (the node
 * answered otherwise: its code, message, details, status) and `SaksiNetworkError` (no answer).
 */
export { createClient, type ClientConfig, type ClientRequest, type ClientResponse, type FetchFunction, type OpenResponse, type RetryConfig, type SaksiClient } from './create-client.js'
export { CLIENT_ERROR_CODES, type ClientErrorCode } from './errors/client-error-codes.js'
export { SaksiApiError, isApiStatus } from './errors/saksi-api-error.js'
export { SaksiNetworkError, type NetworkErrorCode } from './errors/saksi-network-error.js'
export type { RequestErrorType } from './errors/request-error-type.js'
export type { ErrorBody } from './types/error-body.js'
export type { ContractInfo, NetworkInfo, NetworkPeer } from '../core/index.js'
export type { PendingReceipt, ReceiptOrPending, TxAdmitted } from './types/tx-answers.js'
export type { ConsistencyProof, InclusionProof } from './types/proofs.js'
export type { NextPage, Page } from './types/page.js'
// For actions defined outside this folder (the services' APIs).
export { requestOk } from './utils/request-ok.js'
export { requestJson } from './utils/request-json.js'
export { requestText } from './utils/request-text.js'
export { parseJsonBody } from './utils/parse-json-body.js'
export { pathSegment } from './utils/path-segment.js'
export { serviceAnswer, servicePath } from './utils/service-answer.js'
export { nextPageOf } from './utils/next-page.js'

export { getNetwork, type GetNetworkErrorType, type GetNetworkReturnType } from './actions/get-network.js'
export { getContracts, type GetContractsErrorType, type GetContractsReturnType } from './actions/get-contracts.js'
export { getGenesis, type GetGenesisErrorType, type GetGenesisReturnType } from './actions/get-genesis.js'
export { submitTransaction, type SubmitTransactionErrorType, type SubmitTransactionParameters, type SubmitTransactionReturnType } from './actions/submit-transaction.js'
export { sendTransaction, type SendTransactionErrorType, type SendTransactionParameters, type SendTransactionReturnType } from './actions/send-transaction.js'
export { getTransaction, type GetTransactionErrorType, type GetTransactionParameters, type GetTransactionReturnType } from './actions/get-transaction.js'
export { waitForReceipt, type WaitForReceiptErrorType, type WaitForReceiptParameters, type WaitForReceiptReturnType } from './actions/wait-for-receipt.js'
export { getCheckpoint, type GetCheckpointErrorType, type GetCheckpointReturnType } from './actions/get-checkpoint.js'
export { getEntry, type GetEntryErrorType, type GetEntryReturnType } from './actions/get-entry.js'
export { getEntryBytes, type GetEntryBytesErrorType, type GetEntryBytesReturnType, type GetEntryParameters } from './actions/get-entry-bytes.js'
export { getInclusionProof, type GetInclusionProofErrorType, type GetInclusionProofParameters, type GetInclusionProofReturnType } from './actions/get-inclusion-proof.js'
export { getConsistencyProof, type GetConsistencyProofErrorType, type GetConsistencyProofParameters, type GetConsistencyProofReturnType } from './actions/get-consistency-proof.js'
export { getBlock, type GetBlockErrorType, type GetBlockParameters, type GetBlockReturnType } from './actions/get-block.js'
export { queryContract, type QueryContractErrorType, type QueryContractParameters, type QueryContractReturnType } from './actions/query-contract.js'
export { streamReceipts, type StreamReceiptsErrorType, type StreamReceiptsParameters, type StreamReceiptsReturnType } from './actions/stream-receipts.js'
export { getOpenApi, type GetOpenApiErrorType, type GetOpenApiReturnType } from './actions/get-open-api.js'
export { getMetrics, type GetMetricsErrorType, type GetMetricsReturnType } from './actions/get-metrics.js'
