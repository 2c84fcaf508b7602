/** The HTTP API of a Saksi node (PROTOCOL section 7). */
export { buildApi, type ApiOptions } from './build-api.js'
export { API_ERROR_CODES, apiError, type ApiErrorCode } from './api-errors.js'
export { toHttpError, type ErrorBody, type HttpError } from './error-handler.js'
export { HTTP_DURATION_METRIC } from './http-metrics.js'
export { ReceiptEventStream, formatReceiptEvent, type EventStreamOptions } from './receipt-event-stream.js'
