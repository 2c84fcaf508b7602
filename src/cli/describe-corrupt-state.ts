import type { StateIntegrityInfo } from 'saksi'
import type { Language } from 'saksi/catalogue'
import { START_WORDS } from './commands/start-words.js'

/**
 * What the operator reads on stderr when the node finds its state corrupt: what was found, what
 * the node does meanwhile, and what to do.
 * @param dir the data directory
 * @param info the node's state integrity
 * @param lang the operator's language (default English)
 */
export function describeCorruptState(dir: string, info: StateIntegrityInfo, lang: Language = 'en'): string {
  return START_WORDS[lang].corrupt(dir, info.reason ?? '').join('\n')
}
