/**
 * The front page of `/docs` and the OpenAPI `info.description`: in Bahasa Indonesia first, then
 * English (Markdown, as Swagger UI renders it).
 */
export const API_DESCRIPTION = [
  '**API HTTP node Saksi** (PROTOCOL.md bagian 7): buku besar (ledger) yang dapat diverifikasi untuk layanan publik.',
  'Setiap transaksi ditandatangani dan dicatat dalam log Merkle yang hanya dapat ditambah; siapa pun dapat membaca log,',
  'memeriksa checkpoint dan buktinya, lalu mengaudit seluruh isinya dengan `saksi verify`. Pesan galat mengikuti',
  '`Accept-Language` (Bahasa Indonesia bila diminta, selain itu English); `code` galat tidak pernah berubah.',
  '',
  '---',
  '',
  '**The HTTP API of a Saksi node** (PROTOCOL.md section 7): a verifiable ledger for public services.',
  'Every transaction is signed and recorded in an append-only Merkle log; anyone can read the log, check its',
  'checkpoints and proofs, and audit all of it with `saksi verify`. Error messages follow `Accept-Language`',
  '(Bahasa Indonesia when asked for, English otherwise); an error\'s `code` never changes.',
].join('\n')

/** The title of the `/docs` page in the browser. */
export const DOCS_PAGE_TITLE = 'Saksi: dokumentasi API / API documentation'
