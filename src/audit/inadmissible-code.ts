import { RULES_ADMISSION, type EntryResult } from 'saksi'

/** The codes of a call that rules 2 and later refuse at admission (PROTOCOL section 3). */
const REFUSED_AT_ADMISSION: ReadonlySet<string> = new Set(['CONTRACT_UNKNOWN', 'METHOD_UNKNOWN', 'ARGS_INVALID', 'ARGS_PERSONAL_DATA'])

/**
 * The code of an entry that its network's rules should have kept off the log: under rules 1 such
 * failed calls were committed (an old log holds them and still verifies); from rules 2, admission
 * refuses them, so an entry holding one was admitted by a node that broke the rules.
 * @param result the entry's result
 * @param rules the network's rules version
 * @returns the code, or undefined when the entry is admissible
 */
export function inadmissibleCode(result: EntryResult, rules: number): string | undefined {
  if (rules < RULES_ADMISSION || result.status !== 'failed') return undefined
  return REFUSED_AT_ADMISSION.has(result.code) ? result.code : undefined
}
