import type { Language } from 'saksi/catalogue'
import type { NodeHalt } from '../../node/index.js'
import { START_WORDS } from './start-words.js'

/**
 * The line an operator sees when block production halts.
 * @param h the halt
 * @param lang the operator's language (default English)
 */
export function describeHalt(h: NodeHalt, lang: Language = 'en'): string {
  return START_WORDS[lang].halted(h)
}
