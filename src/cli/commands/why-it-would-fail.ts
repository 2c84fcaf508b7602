import type { SimulatedReceipt } from 'saksi'
import type { Submitted } from '../http/submit-and-wait.js'

/**
 * Why a simulated call would fail, in one or two lines (English): the code and message, then the
 * explanation of an access refusal ("needs `welfare.verifier` of `dinsos`; this key has ..."), or
 * the error the node answered (the submission would get the same).
 * @returns the words, or undefined when the call would succeed
 */
export function whyItWouldFail(simulated: Submitted): string | undefined {
  if (simulated.status >= 400) {
    const error = (simulated.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error
    return error ? `${String(error.code)}: ${String(error.message)}` : `the node answered ${simulated.status}`
  }
  const r = simulated.body as SimulatedReceipt
  if (r.status !== 'failed') return undefined
  const first = r.message === undefined ? r.code! : `${r.code!}: ${r.message}`
  return r.explanation ? `${first}\n  ${r.explanation.message.en}` : first
}
