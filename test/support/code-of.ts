import { SaksiError } from '../../packages/saksi/src/core/errors.js'

/**
 * Runs `f` and returns the code of the SaksiError it throws, `UNTYPED <error>` for any other
 * throw (which a test then reports as the bug it is), or `undefined` if it did not throw.
 */
export function codeOf(f: () => unknown): string | undefined {
  try {
    f()
  } catch (e) {
    return e instanceof SaksiError ? e.code : `UNTYPED ${String(e)}`
  }
  return undefined
}
