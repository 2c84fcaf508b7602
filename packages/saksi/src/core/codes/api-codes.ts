import { defineCodes, type CodeOf } from './define-codes.js'

/**
 * Codes the HTTP layer itself gives, beside the node's (`TX_*`, `JSON_*`, `NODE_*`, ...). The table
 * lives in core so that browser-safe clients can look the codes up; the API (`src/api`) gives them.
 */
export const API_ERROR_CODES = defineCodes({
  PARAM_INVALID: { kind: 'validation', id: 'Parameter jalur, parameter kueri, atau header tidak berbentuk sesuai ketentuan rute.', en: 'a path parameter, query parameter or header does not have the form the route takes' },
  PARAM_MISSING: { kind: 'validation', id: 'Parameter kueri wajib tidak diisi.', en: 'a required query parameter is missing' },
  PARAM_UNKNOWN: { kind: 'validation', id: 'Ada parameter kueri yang tidak dikenal oleh rute ini.', en: 'a query parameter the route does not define is present' },
  PARAM_REPEATED: { kind: 'validation', id: 'Parameter kueri diberikan lebih dari sekali.', en: 'a query parameter is given more than once' },
  // Also the code of a signed request that is not well-formed (core's verifySignedRequest).
  REQUEST_INVALID: { kind: 'validation', id: 'Permintaan tidak memenuhi ketentuan rute ini.', en: 'the request fails the route schema in some other way' },
  REQUEST_MALFORMED: { kind: 'validation', id: 'Permintaan bukan HTTP yang sah, atau URL-nya tidak dapat diuraikan.', en: 'the request is not well-formed HTTP, or its URL cannot be decoded' },
  REQUEST_TOO_LARGE: { kind: 'validation', id: 'Isi permintaan melebihi ukuran yang diterima rute ini.', en: 'the request body is larger than the route accepts' },
  REQUEST_QUOTA_EXCEEDED: { kind: 'validation', id: 'Batas harian permintaan Anda sudah habis; silakan hubungi petugas lapangan.', en: 'the daily quota of the signer is used up; ask a field officer' },
  REQUEST_REPLAYED: { kind: 'conflict', id: 'Permintaan bertanda tangan ini sudah pernah dipakai.', en: 'this signed request was already used' },
  MEDIA_TYPE_UNSUPPORTED: { kind: 'validation', id: 'Isi permintaan harus dikirim sebagai application/json (UTF-8, tanpa pengodean konten).', en: 'the body is not sent as application/json (UTF-8, no content coding)' },
  ROUTE_NOT_FOUND: { kind: 'not_found', id: 'Tidak ada rute dengan jalur ini.', en: 'no route has this path' },
  EVENT_STREAMS_CLIENT_LIMIT: { kind: 'validation', id: 'Alamat Anda sudah membuka aliran peristiwa sebanyak yang diizinkan; tutup salah satu atau coba lagi setelah Retry-After.', en: 'this client address already has as many event streams open as one client may; close one or retry after Retry-After' },
  EVENT_STREAMS_NODE_LIMIT: { kind: 'internal', id: 'Node sedang melayani aliran peristiwa sebanyak yang ia mampu; coba lagi setelah Retry-After.', en: 'the node already serves as many event streams as it can; retry after Retry-After' },
  METHOD_NOT_ALLOWED: { kind: 'validation', id: 'Jalur ini ada, tetapi tidak untuk metode ini (lihat header Allow).', en: 'the path exists but not with this method (see the Allow header)' },
  URI_TOO_LONG: { kind: 'validation', id: 'Parameter jalur lebih panjang daripada yang diterima rute mana pun.', en: 'a path parameter is longer than any route accepts' },
  HEADERS_TOO_LARGE: { kind: 'validation', id: 'Header permintaan terlalu besar.', en: 'the request headers are too large' },
  REQUEST_TIMEOUT: { kind: 'validation', id: 'Permintaan tidak diterima tepat waktu.', en: 'the request was not received in time' },
  AUTH_REQUIRED: { kind: 'authorization', id: 'Data ini hanya untuk pihak berwenang: masuk dahulu (POST /v1/auth/challenge, lalu /v1/auth/session) dan kirim token Bearer.', en: 'this read is for authorised readers: sign in (POST /v1/auth/challenge, then /v1/auth/session) and send the Bearer token' },
  AUTH_TOKEN_INVALID: { kind: 'authorization', id: 'Token sesi tidak dikenal atau sudah kedaluwarsa; masuk kembali.', en: 'the session token is unknown or expired; sign in again' },
  AUTH_CHALLENGE_INVALID: { kind: 'authorization', id: 'Tantangan tidak dikenal, sudah dipakai, atau sudah kedaluwarsa; minta tantangan baru.', en: 'the challenge is unknown, already used or expired; ask for a new one' },
  INTERNAL: { kind: 'internal', id: 'Node gagal memproses permintaan; tidak ada yang salah dengan permintaan Anda.', en: 'the node failed; nothing about the request was wrong' },
})

/** A code the HTTP layer gives. */
export type ApiErrorCode = CodeOf<typeof API_ERROR_CODES>
