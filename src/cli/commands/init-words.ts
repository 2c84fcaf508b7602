import type { InitNetworkResult } from '../data-dir/init-network.js'
import { defineWords } from '../words/words.js'

function created(r: InitNetworkResult, l: InitLabels, withStart: boolean): string {
  const width = Math.max(...r.admins.map((a) => a.org.length))
  const labels = [l.origin, l.nodeDid, l.genesisHash, l.nodeKey, l.store, l.adminKeys, l.paymentKey, l.vaultKey, l.nikSecret]
  const pad = (label: string) => label.padEnd(Math.max(13, ...labels.map((x) => x.length)))
  return [
    l.created(r.network, r.paths.dir),
    `  ${pad(l.origin)} ${r.origin}`,
    `  ${pad(l.nodeDid)} ${r.nodeDid}`,
    `  ${pad('vkey')} ${r.vkey}`,
    `  ${pad(l.genesisHash)} ${r.genesisHash}`,
    `  ${pad('genesis')} ${r.paths.genesis}`,
    `  ${pad(l.nodeKey)} ${r.paths.nodeKey} (mode 0600)`,
    `  ${pad(l.store)} ${r.paths.store} ${l.block0}`,
    `  ${pad(l.adminKeys)} (mode 0600)`,
    ...r.admins.map((a) => `    ${a.org.padEnd(width)}  ${a.path ?? l.givenKey}  ${a.did}`),
    ...(r.gateway ? [`  ${pad(l.paymentKey)} ${r.gateway.path}  ${r.gateway.did} ${l.gatewayIn(r.gateway.org)}`] : []),
    `  ${pad(l.vaultKey)} ${r.paths.vaultKey} ${l.vaultNote}`,
    `  ${pad(l.nikSecret)} ${r.paths.nikKey} ${l.nikNote}`,
    '',
    ...(withStart ? [`${l.startWith} saksi start --data ${r.paths.dir}`, ''] : []),
  ].join('\n')
}

interface InitLabels {
  created: (network: string, dir: string) => string
  origin: string
  nodeDid: string
  genesisHash: string
  nodeKey: string
  store: string
  block0: string
  adminKeys: string
  paymentKey: string
  gatewayIn: (org: string) => string
  vaultKey: string
  vaultNote: string
  nikSecret: string
  nikNote: string
  /** Followed by the command (`saksi demo` leaves this line out). */
  startWith: string
  /** In place of the path of an admin key the configuration gave. */
  givenKey: string
}

const EN: InitLabels = {
  created: (network, dir) => `Created network ${network} in ${dir} (mode 0700)`,
  origin: 'origin',
  nodeDid: 'node did',
  genesisHash: 'genesis hash',
  nodeKey: 'node key',
  store: 'store',
  block0: '(block 0 committed)',
  adminKeys: 'admin keys',
  paymentKey: 'payment key',
  gatewayIn: (org) => `(payments.gateway in ${org})`,
  vaultKey: 'vault key',
  vaultNote: '(mode 0600; back it up: without it the personal data is lost)',
  nikSecret: 'NIK secret',
  nikNote: '(mode 0600; every node of the network needs the same one)',
  startWith: 'Start it with:',
  givenKey: '(key given by the configuration)',
}

const ID: InitLabels = {
  created: (network, dir) => `Jaringan ${network} dibuat di ${dir} (mode 0700)`,
  origin: 'origin',
  nodeDid: 'did node',
  genesisHash: 'hash genesis',
  nodeKey: 'kunci node',
  store: 'penyimpanan',
  block0: '(blok 0 sudah di-commit)',
  adminKeys: 'kunci admin',
  paymentKey: 'kunci pembayaran',
  gatewayIn: (org) => `(payments.gateway di ${org})`,
  vaultKey: 'kunci vault',
  vaultNote: '(mode 0600; buat cadangannya: tanpa kunci ini data pribadi tidak dapat dibuka lagi)',
  nikSecret: 'rahasia NIK',
  nikNote: '(mode 0600; setiap node dalam jaringan memerlukan rahasia yang sama)',
  startWith: 'Jalankan dengan:',
  givenKey: '(kunci dari berkas konfigurasi)',
}

/** The words of `saksi init`: its help and what it prints. */
export const INIT_WORDS = defineWords(
  {
    description: 'create a network in a new data directory: node key, one admin key per organisation, genesis.json, the store with block 0',
    data: 'the data directory (new or empty; created with mode 0700)',
    config: "the city's configuration, JSON or YAML (docs/DEPLOY.md); default: the Kota Contoh demo city",
    network: 'network id, without --config',
    origin: 'log origin, without --config (default saksi.example/<network>)',
    configExclusive: '--network and --origin come from the configuration file when --config is given',
    describe: (r: InitNetworkResult, withStart: boolean) => created(r, EN, withStart),
  },
  {
    description: 'membuat jaringan di direktori data baru: kunci node, satu kunci admin per organisasi, genesis.json, dan penyimpanan berisi blok 0',
    data: 'direktori data (baru atau kosong; dibuat dengan mode 0700)',
    config: 'konfigurasi kota, JSON atau YAML (docs/DEPLOY.md); bawaan: kota demo Kota Contoh',
    network: 'id jaringan, tanpa --config',
    origin: 'origin log, tanpa --config (bawaan saksi.example/<network>)',
    configExclusive: '--network dan --origin diambil dari berkas konfigurasi bila --config diberikan',
    describe: (r: InitNetworkResult, withStart: boolean) => created(r, ID, withStart),
  },
)
