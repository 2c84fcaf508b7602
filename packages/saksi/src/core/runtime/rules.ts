/**
 * Versions of the execution rules, recorded in the genesis document's `rules` field (absent = 1).
 * A data directory keeps the rules it was founded under, so that its log re-executes byte for byte.
 *
 * - 1: the original rules. Calls to unknown contracts or methods and arguments that fail the
 *   method's schema are committed as failed calls; the contract's own screen is the only screen.
 * - 2: issue 12 "Hardening". Such calls are refused at admission and never logged; every call's
 *   arguments pass the personal-data screen (`ARGS_PERSONAL_DATA`); a method's schema is its
 *   `args` (older rules use `argsUnderRules`), e.g. `identity.register`'s `name` is optional.
 */
export const RULES_ORIGINAL = 1

/** The rules that refuse malformed and personal arguments at admission (issue 12). */
export const RULES_ADMISSION = 2

/** The rules a new network is founded under (`createGenesis`, `saksi init`). */
export const CURRENT_RULES = RULES_ADMISSION

/**
 * The rules version of a genesis document's `rules` field.
 * @param rules the field's value (absent in a document written before rules versions existed)
 * @returns 1 when absent
 */
export function rulesVersion(rules: number | undefined): number {
  return rules ?? RULES_ORIGINAL
}
