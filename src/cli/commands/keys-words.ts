import { defineWords } from '../words/words.js'

/** The words of `saksi keys`: its help and what it prints. */
export const KEYS_WORDS = defineWords(
  {
    description: 'create and inspect Ed25519 signing keys (PKCS#8 PEM files)',
    newDescription: 'generate a key; with --out write it to FILE (mode 0600, never overwriting), else print the PEM on stdout and the did on stderr',
    out: 'write the private key here',
    wrote: (file: string) => `wrote ${file} (mode 0600)`,
    showDescription: "print a key file's did:key, public key and verifier keys (never the private part)",
    file: 'a PKCS#8 PEM Ed25519 private key',
    origin: 'also print the verifier keys under this name (a node key: the log origin; a witness: its name)',
    publicKey: 'public key: ',
    base64: '(base64, 32 bytes)',
    verifierHint: [
      'verifier keys: a node key verifies checkpoints as <origin>+<key id>+<base64 of 0x01 ‖ public key> (C2SP signed-note);',
      '               a witness key as <name>+<key id>+<base64 of 0x04 ‖ public key> (tlog-cosignature).',
      '               Pass --origin NAME to print them.',
    ],
    checkpointKey: 'checkpoint verifier key: ',
    cosignatureKey: 'cosignature verifier key: ',
  },
  {
    description: 'membuat dan memeriksa kunci tanda tangan Ed25519 (berkas PEM PKCS#8)',
    newDescription: 'membuat kunci baru; dengan --out ditulis ke FILE (mode 0600, tidak pernah menimpa), tanpa --out PEM dicetak ke stdout dan did ke stderr',
    out: 'tulis kunci privat ke berkas ini',
    wrote: (file: string) => `${file} sudah ditulis (mode 0600)`,
    showDescription: 'menampilkan did:key, kunci publik dan kunci verifier dari sebuah berkas kunci (bagian privatnya tidak pernah ditampilkan)',
    file: 'kunci privat Ed25519 dalam PEM PKCS#8',
    origin: 'tampilkan juga kunci verifier dengan nama ini (kunci node: origin log; saksi/witness: namanya)',
    publicKey: 'kunci publik: ',
    base64: '(base64, 32 byte)',
    verifierHint: [
      'kunci verifier: kunci node memverifikasi checkpoint sebagai <origin>+<key id>+<base64 dari 0x01 ‖ kunci publik> (C2SP signed-note);',
      '                kunci witness sebagai <nama>+<key id>+<base64 dari 0x04 ‖ kunci publik> (tlog-cosignature).',
      '                Berikan --origin NAMA untuk menampilkannya.',
    ],
    checkpointKey: 'kunci verifier checkpoint: ',
    cosignatureKey: 'kunci verifier cosignature: ',
  },
)
