import { defineCodes, type CodeOf } from './define-codes.js'

/** Codes of the node's followers of the log and their cursors (`src/node/followers`). */
export const FOLLOWER_ERROR_CODES = defineCodes({
  FOLLOWER_CURSOR_INVALID: { kind: 'storage', id: 'Berkas kursor pengikut tidak berisi indeks log.', en: 'a follower cursor file does not hold a log index' },
  FOLLOWER_NAME_INVALID: { kind: 'validation', id: 'Nama pengikut terdiri atas huruf kecil, angka, dan tanda hubung, diawali huruf.', en: 'a follower name is lower-case letters, digits and dashes, starting with a letter' },
  FOLLOWER_DUPLICATE: { kind: 'conflict', id: 'Sudah ada pengikut dengan nama itu.', en: 'a follower of that name is already in the set' },
  FOLLOWERS_STOPPED: { kind: 'conflict', id: 'Para pengikut sedang dihentikan.', en: 'the followers are shutting down' },
})

/** A follower error code. */
export type FollowerErrorCode = CodeOf<typeof FOLLOWER_ERROR_CODES>
