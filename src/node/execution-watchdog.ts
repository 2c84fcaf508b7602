import { createContext, Script } from 'node:vm'
import { SaksiError } from 'saksi'

/** Thrown when the watchdog interrupted an execution that ran past its timeout. */
export class ExecutionTimeout extends SaksiError {
  /**
   * @param timeoutMs the watchdog's timeout
   * @param what what was interrupted, e.g. `block 12 (3 transactions)`
   */
  constructor(
    readonly timeoutMs: number,
    what: string,
  ) {
    super('EXECUTION_TIMEOUT', `${what} ran longer than the watchdog's ${timeoutMs} ms and was interrupted: a contract does not end (or the machine is far too slow); block production is halted until an operator acts`, { timeoutMs }, 'internal')
  }
}

/**
 * Interrupts synchronous code that runs too long: contract code the execution budget cannot see,
 * such as `while (true) {}`. The function runs inside `vm.Script.runInContext` with a `timeout`:
 * Node's watchdog thread then terminates the isolate's execution, which no `try`, `catch` or
 * `finally` in the contract can hold off, and the call returns here with a timeout error.
 *
 * One guard costs a thread start (about 0.1-0.3 ms, docs/PERFORMANCE.md), so the node guards a
 * whole block, not each call. Wall-clock time differs between machines, so a trip is never
 * recorded as a call's result: the node halts block production instead (docs/ARCHITECTURE.md,
 * "Execution budget and watchdog").
 */
export class ExecutionWatchdog {
  readonly #context = createContext({ guarded: undefined as (() => unknown) | undefined })
  readonly #script = new Script('guarded()', { filename: 'saksi-execution-watchdog' })

  /** @param timeoutMs milliseconds an execution may take (a positive integer) */
  constructor(readonly timeoutMs: number) {
    if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new RangeError('the watchdog timeout is a positive number of milliseconds')
  }

  /**
   * Runs `fn` synchronously under the timeout.
   * @param what what runs, for the message of a trip
   * @returns what `fn` returns
   * @throws ExecutionTimeout when `fn` ran past the timeout (its work is cut short wherever it was)
   * @throws whatever `fn` throws
   */
  run<T>(what: string, fn: () => T): T {
    this.#context.guarded = fn
    try {
      return this.#script.runInContext(this.#context, { timeout: this.timeoutMs }) as T
    } catch (e) {
      if (isScriptTimeout(e)) throw new ExecutionTimeout(this.timeoutMs, what)
      throw e
    } finally {
      this.#context.guarded = undefined
    }
  }
}

function isScriptTimeout(e: unknown): boolean {
  // Contract code cannot forge it: runCall turns every exception of a call into a failed call.
  // Node's error may come from another realm (a test runner's), so `instanceof Error` is not asked.
  return typeof e === 'object' && e !== null && !(e instanceof SaksiError) && (e as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
}
