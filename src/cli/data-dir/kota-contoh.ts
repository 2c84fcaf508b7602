import { fileURLToPath } from 'node:url'

/** The default network id (DESIGN "The demo city"). */
export const DEFAULT_NETWORK = 'kota-contoh'

/**
 * The demo city's configuration, `config/kota-contoh.json`: one city file like any other (see
 * docs/DEPLOY.md). Its agencies (DESIGN "The demo city"), plus Dukcapil, the civil registry office
 * whose officials verify citizens' identities: only Dukcapil and Dinas Sosial may appoint identity
 * verifiers; Dinas Sosial appoints the welfare roles; Dinas Pertamanan (the parks office) buys
 * through the procurement contract; BPKAD (the treasury) holds the payment service key
 * (`payments.gateway`); the Inspektorat appoints procurement auditors, and LKPP's contract dispute
 * service the arbiters. `saksi init` without `--config` reads it. The path is the same from `src`
 * and from `dist` (both two folders below the repository).
 */
export const KOTA_CONTOH_CONFIG = fileURLToPath(new URL('../../../config/kota-contoh.json', import.meta.url))

/**
 * The default log origin of a network: `saksi.example/<network>`. `saksi.example` is a placeholder
 * domain (RFC 2606 reserves `.example`); a real deployment passes its own `--origin`.
 */
export function defaultOrigin(network: string): string {
  return `saksi.example/${network}`
}
