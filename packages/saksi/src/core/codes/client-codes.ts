import { defineCodes, type CodeOf } from './define-codes.js'

/**
 * Codes the HTTP client (`saksi/client`) gives itself, beside the node's protocol codes that a
 * `SaksiApiError` carries as they came. The table lives in core so the catalogue holds them.
 */
export const CLIENT_ERROR_CODES = defineCodes({
  CLIENT_URL_INVALID: { kind: 'validation', id: 'URL node bukan URL http atau https.', en: 'the node URL is not an http or https URL' },
  CLIENT_NETWORK: { kind: 'internal', id: 'Tidak ada jawaban: tidak ada yang mendengarkan di alamat itu, nama tidak dapat diresolusi, atau sambungan terputus.', en: 'no answer: nothing listens there, the name does not resolve, or the connection broke' },
  CLIENT_TIMEOUT: { kind: 'internal', id: 'Tidak ada jawaban dalam batas waktu klien.', en: 'no answer within the client timeout' },
  CLIENT_ABORTED: { kind: 'internal', id: 'Permintaan dibatalkan oleh pemanggil.', en: "the caller's signal aborted the request" },
  CLIENT_HTTP_STATUS: { kind: 'internal', id: 'Node menjawab dengan status yang tidak diharapkan, tanpa badan galat protokol.', en: 'the node answered a status the action does not expect, without a protocol error body' },
  CLIENT_NOT_JSON: { kind: 'internal', id: 'Node menjawab dengan isi yang bukan JSON, padahal JSON yang diharapkan.', en: 'the node answered a body that is not JSON where the action expects JSON' },
  CLIENT_WAIT_TIMEOUT: { kind: 'internal', id: 'Transaksi belum dicatat dalam waktu tunggu.', en: 'the transaction was not committed within the wait' },
})

/** A code the client gives. */
export type ClientErrorCode = CodeOf<typeof CLIENT_ERROR_CODES>
