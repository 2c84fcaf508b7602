import { defineWords } from './words.js'

/** The words of `saksi` itself: its help, commander's own messages, how errors are printed. */
export const PROGRAM_WORDS = defineWords(
  {
    description: 'Saksi: a verifiable ledger for public services',
    lang: 'the language of messages and help: id (Bahasa Indonesia) or en (English); default from LC_ALL, LC_MESSAGES or LANG (id_ID… is Indonesian), else English',
    help: 'display help for command',
    helpCommand: 'display help for command',
    helpAfterError: '(run saksi --help for usage)',
    badLang: (value: string) => `--lang ${JSON.stringify(value)}: choose id (Bahasa Indonesia) or en (English)`,
    /** Commander's help headings and notes, as commander writes them (English), to their translation. */
    titles: {} as Record<string, string>,
    /** The notes commander adds after an option's description, e.g. `default: `. */
    notes: {} as Record<string, string>,
    /** Commander's error lines, rewritten in order (English: none). */
    errors: [] as readonly (readonly [RegExp, string])[],
  },
  {
    description: 'Saksi: buku besar (ledger) yang dapat diverifikasi untuk layanan publik',
    lang: 'bahasa pesan dan bantuan: id (Bahasa Indonesia) atau en (English); bawaannya dari LC_ALL, LC_MESSAGES atau LANG (id_ID… berarti Bahasa Indonesia), selain itu English',
    help: 'tampilkan bantuan perintah',
    helpCommand: 'tampilkan bantuan perintah',
    helpAfterError: '(jalankan saksi --help untuk melihat cara pakai)',
    badLang: (value: string) => `--lang ${JSON.stringify(value)}: pilih id (Bahasa Indonesia) atau en (English)`,
    titles: {
      'Usage:': 'Penggunaan:',
      'Options:': 'Opsi:',
      'Global Options:': 'Opsi global:',
      'Commands:': 'Perintah:',
      'Arguments:': 'Argumen:',
    },
    notes: { 'default: ': 'bawaan: ', 'env: ': 'variabel lingkungan: ', 'choices: ': 'pilihan: ', 'preset: ': 'nilai jika tanpa argumen: ' },
    errors: [
      [/^error: required option '(.+)' not specified/, "galat: opsi wajib '$1' belum diberikan"],
      [/^error: option '(.+)' argument missing/, "galat: opsi '$1' memerlukan nilai"],
      [/^error: option '(.+)' argument '(.*)' is invalid\./, "galat: nilai '$2' untuk opsi '$1' tidak sah:"],
      [/^error: option '(.+)' value '(.*)' from env '(.+)' is invalid\./, "galat: nilai '$2' dari variabel lingkungan $3 untuk opsi '$1' tidak sah:"],
      [/^error: unknown option '(.+?)'/, "galat: opsi '$1' tidak dikenal"],
      [/^error: unknown command '(.+?)'/, "galat: perintah '$1' tidak dikenal"],
      [/^error: missing required argument '(.+)'/, "galat: argumen wajib '$1' belum diberikan"],
      [/^error: too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)\./, "galat: argumen untuk '$1' terlalu banyak: seharusnya $2, diterima $3."],
      [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, 'galat: argumen terlalu banyak: seharusnya $1, diterima $2.'],
      [/^error: (.+) cannot be used with (.+)/, 'galat: $1 tidak dapat dipakai bersama $2'],
      [/\(Did you mean (.+)\?\)/, '(Mungkin maksud Anda $1?)'],
      [/^error: /, 'galat: '],
    ],
  },
)
