/** True when `value` looks like a Promise (has a callable `then`); never throws. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false
  try {
    return typeof (value as { then?: unknown }).then === 'function'
  } catch {
    return true
  }
}

/** Attaches a no-op rejection handler, so a refused async body cannot crash the node with an unhandled rejection. */
export function silence(value: PromiseLike<unknown>): void {
  try {
    value.then(undefined, () => undefined)
  } catch {
    // A hostile thenable; nothing else to do.
  }
}

const STANDARD_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'AggregateError'])

/** A deterministic name for a thrown value: its standard error type (`TypeError`...), or `unknown`. */
export function thrownName(e: unknown): string {
  try {
    if (e instanceof Error && STANDARD_ERRORS.has(e.constructor.name)) return e.constructor.name
  } catch {
    // A hostile thrown value.
  }
  return 'unknown'
}
