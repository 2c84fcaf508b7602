/** A genesis organisation as `saksi init` creates it (its admin key is generated). */
export interface OrganisationSpec {
  /** Organisation id in the identity contract, e.g. `dinsos`. */
  id: string
  /** Display name. */
  name: string
  /** Roles its admins may grant besides `identity.admin` (fixed at genesis; see the identity README). */
  grants?: string[]
}

/** The welfare roles Dinas Sosial may grant (see the welfare README). */
const WELFARE_ROLES = ['welfare.admin', 'welfare.enumerator', 'welfare.verifier', 'welfare.appeals', 'welfare.treasurer', 'welfare.officer']

/** The procurement roles a buying agency may grant (see the procurement README). */
const BUYER_ROLES = ['procurement.officer', 'procurement.inspector', 'procurement.treasurer']

/** The default network id (DESIGN "The demo city"). */
export const DEFAULT_NETWORK = 'kota-contoh'

/**
 * The default log origin of a network: `saksi.example/<network>`. `saksi.example` is a placeholder
 * domain (RFC 2606 reserves `.example`); a real deployment passes its own `--origin`.
 */
export function defaultOrigin(network: string): string {
  return `saksi.example/${network}`
}

/**
 * The agencies of Kota Contoh (DESIGN "The demo city"), plus Dukcapil, the civil registry office
 * whose officials verify citizens' identities. Only Dukcapil and Dinas Sosial may appoint
 * identity verifiers; Dinas Sosial appoints the welfare roles; Dinas Pertamanan (the parks office)
 * buys through the procurement contract; BPKAD (the treasury) holds the payment service key
 * (`payments.gateway`) that reports the bank's answers; the Inspektorat appoints procurement
 * auditors, and LKPP's contract dispute service the arbiters (independent of the buyer).
 */
export const KOTA_CONTOH_ORGANISATIONS: readonly OrganisationSpec[] = [
  { id: 'dukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Contoh', grants: ['identity.verifier'] },
  { id: 'dinsos', name: 'Dinas Sosial Kota Contoh', grants: ['identity.verifier', ...WELFARE_ROLES] },
  { id: 'pertamanan', name: 'Dinas Pertamanan Kota Contoh', grants: BUYER_ROLES },
  { id: 'dpmptsp', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Contoh' },
  { id: 'pertanahan', name: 'Kantor Pertanahan Kota Contoh' },
  { id: 'disdik', name: 'Dinas Pendidikan Kota Contoh' },
  { id: 'bpkad', name: 'Badan Pengelolaan Keuangan dan Aset Daerah Kota Contoh', grants: ['payments.gateway'] },
  { id: 'inspektorat', name: 'Inspektorat Kota Contoh', grants: ['procurement.auditor'] },
  { id: 'lkpp', name: 'Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah: Layanan Penyelesaian Sengketa Kontrak', grants: ['procurement.arbiter'] },
]
