import { RUNTIME_ERROR_CODES, StateOverlay, TransactionRefused, formatTime } from 'saksi'
import type { CallOutcome, ErrorKind, ParsedEnvelope, RefusalExplanation, Runtime, SimulatedReceipt } from 'saksi'
import type { CommittedState } from './committed-state.js'

/** Where the next entry would go, for a call run before it is ordered. */
export interface HeadPosition {
  /** The log size (the next entry's index). */
  size: number
  /** The height of the last committed block. */
  height: number
}

/**
 * The argument checks of admission (PROTOCOL section 3): a call to an unknown contract or method,
 * with arguments that fail the method's schema or hold personal data, is refused with its code
 * (422) and never reaches the log; a call to a method with `sealedArgs` is run first against the
 * committed head, read-only, and refused with its own code (409 for a conflict, else 422) if it
 * would fail, so that its arguments (a sealed bid's price) are not published by a failed entry.
 */
export class ArgumentAdmission {
  /**
   * @param runtime the installed contracts
   * @param state the committed state (the block producer's)
   * @param rules the network's rules version: the schemas it checks against
   * @param head where the next entry would go
   * @param now the clock (the call's time in a dry run)
   */
  constructor(
    private readonly runtime: Runtime,
    private readonly state: CommittedState,
    private readonly rules: number,
    private readonly head: () => HeadPosition,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Checks the call's contract, method and arguments.
   * @returns whether the method's arguments are sealed (then run {@link dryRun} after the signature check)
   * @throws TransactionRefused `CONTRACT_UNKNOWN`, `METHOD_UNKNOWN`, `ARGS_PERSONAL_DATA`, `ARGS_INVALID`
   */
  check(parsed: ParsedEnvelope): boolean {
    const checked = this.runtime.checkArguments(parsed.envelope.tx, this.rules)
    if (!checked.ok) {
      const { code, message, details } = checked.refusal
      throw new TransactionRefused(code, message, details, code === 'CONTRACT_ERROR' ? 'internal' : 'validation')
    }
    return checked.method.sealedArgs === true
  }

  /**
   * Runs the call on the committed head without keeping anything, and refuses it if it fails. Run
   * it after the signature check: its answer tells the signer what the contract would decide.
   * @throws TransactionRefused with the call's own code and kind
   */
  async dryRun(parsed: ParsedEnvelope): Promise<void> {
    const { tx } = parsed.envelope
    const { outcome } = await this.#run(parsed, false)
    if (outcome.status === 'ok') return
    const message = outcome.message ?? `${tx.contract}.${tx.method} would fail with ${outcome.code}`
    throw new TransactionRefused(outcome.code, message, { sealed: true }, this.#kindOf(tx.contract, outcome.code))
  }

  /**
   * Runs the call on the committed head without keeping anything, and answers what its receipt
   * would be, with the explanation of an access refusal (`Runtime.explain`, on the same state).
   */
  async simulate(parsed: ParsedEnvelope): Promise<SimulatedReceipt> {
    const { outcome, index, explanation } = await this.#run(parsed, true)
    const answer: SimulatedReceipt = { txId: parsed.txId, status: outcome.status, index, events: outcome.events, simulated: true }
    if (outcome.status === 'failed') {
      answer.code = outcome.code
      if (outcome.message !== undefined) answer.message = outcome.message
      if (explanation) answer.explanation = explanation
    }
    return answer
  }

  async #run(parsed: ParsedEnvelope, explain: boolean): Promise<{ outcome: CallOutcome; index: number; explanation?: RefusalExplanation }> {
    const { tx } = parsed.envelope
    const { size, height } = this.head()
    const ms = this.now()
    const input = { tx, txId: parsed.txId, index: size, block: height + 1, time: { iso: formatTime(ms), ms }, rules: this.rules }
    // Both in the same pass, so that the explanation reads the state the call read.
    return this.state.run(
      () => {
        const outcome = this.runtime.call(new StateOverlay(this.state), input)
        const explanation = explain && outcome.status === 'failed' ? this.runtime.explain(this.state, input, outcome.code) : undefined
        return explanation ? { outcome, index: size, explanation } : { outcome, index: size }
      },
      (o) => o,
    )
  }

  #kindOf(contract: string, code: string): ErrorKind {
    const own = this.runtime.contracts.get(contract)?.codes?.[code]
    if (own) return own.kind
    // A code of the directory's contract (a revoked key) or of a contract a view called.
    for (const c of this.runtime.contracts.values()) {
      const spec = c.codes?.[code]
      if (spec) return spec.kind
    }
    return (RUNTIME_ERROR_CODES as Readonly<Record<string, { kind: ErrorKind }>>)[code]?.kind ?? 'validation'
  }
}
