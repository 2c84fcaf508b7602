import { defineWords } from './words.js'

/** The command line's words shared by its commands: key files, files, the node over HTTP, the demo's client. */
export const COMMON_WORDS = defineWords(
  {
    keyExists: (path: string) => `${path} exists already; refusing to overwrite a key file`,
    cannotWrite: (path: string, why: string) => `cannot write ${path}: ${why}`,
    cannotReadKey: (path: string, why: string) => `cannot read key file ${path}: ${why}`,
    readableByOthers: (path: string, mode: string) => `warning: ${path} is readable by others (mode ${mode}); run chmod 600 ${path}`,
    cannotRead: (path: string, why: string) => `cannot read ${path}: ${why}`,
    notANode: (url: string, status: number) => `${url}/v1/network answered ${status}; is this a Saksi node?`,
    nodeNotUrl: (url: string, example: string) => `--node ${url} is not a URL (e.g. ${example})`,
    nodeNotHttp: (url: string) => `--node ${url} must be an http or https URL`,
    cannotBuild: (code: string, detail: string) => `cannot build this transaction: ${code}: ${detail}`,
    notCommitted: (call: string, seconds: number) => `${call} was not committed within ${seconds} s`,
    demoCallFailed: (call: string, code: string) => `demo ${call} failed: ${code}`,
    cannotListen: (address: string, why: string) => `cannot listen on ${address}: ${why}`,
    listening: (url: string) => `Saksi node listening on ${url}  (API docs: ${url}/docs; stop with Ctrl-C)`,
    shuttingDown: (signal: string) => `${signal}: shutting down`,
    stopped: 'stopped',
  },
  {
    keyExists: (path: string) => `${path} sudah ada; berkas kunci tidak akan ditimpa`,
    cannotWrite: (path: string, why: string) => `${path} tidak dapat ditulis: ${why}`,
    cannotReadKey: (path: string, why: string) => `berkas kunci ${path} tidak dapat dibaca: ${why}`,
    readableByOthers: (path: string, mode: string) => `peringatan: ${path} dapat dibaca pengguna lain (mode ${mode}); jalankan chmod 600 ${path}`,
    cannotRead: (path: string, why: string) => `${path} tidak dapat dibaca: ${why}`,
    notANode: (url: string, status: number) => `${url}/v1/network menjawab ${status}; apakah ini node Saksi?`,
    nodeNotUrl: (url: string, example: string) => `--node ${url} bukan URL (contoh: ${example})`,
    nodeNotHttp: (url: string) => `--node ${url} harus berupa URL http atau https`,
    cannotBuild: (code: string, detail: string) => `transaksi ini tidak dapat disusun: ${code}: ${detail}`,
    notCommitted: (call: string, seconds: number) => `${call} belum di-commit dalam ${seconds} detik`,
    demoCallFailed: (call: string, code: string) => `demo ${call} gagal: ${code}`,
    cannotListen: (address: string, why: string) => `tidak dapat mendengarkan di ${address}: ${why}`,
    listening: (url: string) => `Node Saksi mendengarkan di ${url}  (dokumentasi API: ${url}/docs; hentikan dengan Ctrl-C)`,
    shuttingDown: (signal: string) => `${signal}: node dimatikan`,
    stopped: 'berhenti',
  },
)
