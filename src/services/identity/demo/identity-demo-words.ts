import { defineWords } from '../../../cli/index.js'

/** The words of the identity demo step: who signed each call, the summary's heading and outcomes, its errors. */
export const IDENTITY_DEMO_WORDS = defineWords(
  {
    loaded: (n: number) => `Loaded the demo through ${n} signed transactions:`,
    block: 'block',
    failed: (code: string) => `failed ${code}`,
    admin: (org: string) => `admin ${org}`,
    verifier: (org: string, citizen: string) => `${org} verifier → ${citizen}`,
    needsOrg: (org: string, detail: string) => `the demo needs the ${org} organisation and its admin key: ${detail}`,
    refused: (detail: string) => `the node refused a demo transaction: ${detail}`,
    notCommitted: (txId: string) => `demo transaction ${txId} was not committed within 30 s`,
  },
  {
    loaded: (n: number) => `Data demo dimuat melalui ${n} transaksi bertanda tangan:`,
    block: 'blok',
    failed: (code: string) => `gagal ${code}`,
    admin: (org: string) => `admin ${org}`,
    verifier: (org: string, citizen: string) => `verifikator ${org} → ${citizen}`,
    needsOrg: (org: string, detail: string) => `demo memerlukan organisasi ${org} dan kunci admin-nya: ${detail}`,
    refused: (detail: string) => `node menolak sebuah transaksi demo: ${detail}`,
    notCommitted: (txId: string) => `transaksi demo ${txId} belum di-commit dalam 30 detik`,
  },
)
