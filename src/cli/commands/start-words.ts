import type { NodeHalt } from '../../node/index.js'
import { defineWords } from '../words/words.js'

/** The words of `saksi start` (and the serving part of `saksi demo`): its help, its errors, what the operator reads while it runs. */
export const START_WORDS = defineWords(
  {
    description: 'serve the node of a data directory over HTTP until Ctrl-C (SIGINT) or SIGTERM',
    data: 'a data directory made by saksi init',
    watchdog: "how long a block's execution may take before the watchdog interrupts it and halts block production (0: no watchdog)",
    badWatchdog: 'must be a whole number of milliseconds (0: no watchdog)',
    port: 'TCP port (0: any free port)',
    host: 'address to listen on (0.0.0.0: every interface)',
    publicUrl: 'the URL the public reaches the node at, for QR codes and OCDS package URIs (default: as each request reached it)',
    badPort: 'must be an integer from 0 to 65535',
    notUrl: (value: string) => `${value} is not a URL, e.g. https://saksi.kota-contoh.go.id`,
    notHttp: 'must be an http or https URL',
    halted: (h: NodeHalt) =>
      `saksi: BLOCK PRODUCTION HALTED (${h.code}): ${h.message}. Reads are still answered; new transactions are refused with NODE_HALTED. Fix or remove the contract, then restart the node; the ${h.held} transaction(s) held were not committed and may be submitted again.\n`,
    corrupt: (dir: string, reason: string) => [
      `STATE_CORRUPT: the committed state in ${dir} is not what its blocks made it.`,
      `  ${reason}`,
      '  The node keeps serving the log, its checkpoints and proofs, but answers every transaction and',
      '  every state query with 503 STATE_CORRUPT (GET /v1/network shows state.status "corrupt").',
      `  To act: stop the node, run \`saksi verify --data ${dir}\` to find the first key or entry that`,
      '  differs, restore ledger.sqlite from a backup taken before the change, and start the node again',
      '  (it checks the state digest again as it opens).',
      '',
    ],
  },
  {
    description: 'melayani node dari sebuah direktori data melalui HTTP sampai Ctrl-C (SIGINT) atau SIGTERM',
    data: 'direktori data yang dibuat dengan saksi init',
    watchdog: 'batas waktu eksekusi satu blok sebelum watchdog menghentikannya dan produksi blok dihentikan (0: tanpa watchdog)',
    badWatchdog: 'harus berupa bilangan bulat milidetik (0: tanpa watchdog)',
    port: 'port TCP (0: port bebas mana saja)',
    host: 'alamat yang didengarkan (0.0.0.0: semua antarmuka jaringan)',
    publicUrl: 'URL yang dipakai publik untuk mengakses node, untuk kode QR dan URI paket OCDS (bawaan: sesuai alamat yang dipakai setiap permintaan)',
    badPort: 'harus berupa bilangan bulat dari 0 sampai 65535',
    notUrl: (value: string) => `${value} bukan URL, contoh: https://saksi.kota-contoh.go.id`,
    notHttp: 'harus berupa URL http atau https',
    halted: (h: NodeHalt) =>
      `saksi: PRODUKSI BLOK DIHENTIKAN (${h.code}): ${h.message}. Permintaan baca tetap dilayani; transaksi baru ditolak dengan NODE_HALTED. Perbaiki atau lepaskan kontraknya, lalu jalankan ulang node; ${h.held} transaksi yang tertahan belum di-commit dan boleh dikirim ulang.\n`,
    corrupt: (dir: string, reason: string) => [
      `STATE_CORRUPT: state yang sudah di-commit di ${dir} tidak sesuai dengan hasil blok-bloknya.`,
      `  ${reason}`,
      '  Node tetap melayani log, checkpoint dan buktinya, tetapi menjawab setiap transaksi dan setiap',
      '  kueri state dengan 503 STATE_CORRUPT (GET /v1/network menunjukkan state.status "corrupt").',
      `  Tindakan: hentikan node, jalankan \`saksi verify --data ${dir}\` untuk menemukan kunci atau entri`,
      '  pertama yang berbeda, pulihkan ledger.sqlite dari cadangan sebelum perubahan itu, lalu jalankan',
      '  node lagi (node memeriksa ulang digest state saat dibuka).',
      '',
    ],
  },
)
