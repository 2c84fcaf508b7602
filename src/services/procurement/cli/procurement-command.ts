import { Command } from 'commander'
import type { JsonObject } from 'saksi'
import type { Bid, Process } from '../contract/index.js'
import { bilingual, CliError, EXIT, DEFAULT_NODE_URL, openNodeClient, failureMessage, submitAndWait, type Submitted, readKeyFile, readTextFile } from '../../../cli/index.js'
import type { CliContext } from '../../../cli/index.js'
import { pathSegment, requestJson, SaksiApiError, type SaksiClient } from 'saksi/client'
import { getSupplier } from '../client/index.js'
import { bidProblems, parseBid, readSealedBid, sealBid, writeSealedBid } from './sealed-bid.js'
import { PROCUREMENT_WORDS as W } from './procurement-words.js'

/**
 * Margin past a deadline, on the node's clock, before a reveal is sent: block times follow that
 * clock closely, and the `Date` header gives it to the second (rounded down: never early).
 */
const REVEAL_MARGIN_MS = 2000

/** The process as the node has it, and the node's clock (its `Date` header). */
async function fetchProcess(client: SaksiClient, id: string): Promise<{ process: Process; bids: Bid[]; now: number }> {
  type Answer = { process?: Process; bids?: Bid[]; error?: { code: string; message: string } } | undefined
  // Asked as JSON with its answer's headers (not through getProcess): the Date header is the node's clock.
  let a: { status: number; body: Answer; headers?: Headers }
  try {
    const { data, response } = await requestJson<Answer>(client, { path: `/v1/procurement/processes/${pathSegment(id)}` })
    a = { status: response.status, body: data, headers: response.headers }
  } catch (e) {
    if (!(e instanceof SaksiApiError)) throw e
    a = { status: e.status, body: e.body as Answer }
  }
  const body = a.body
  if (a.status !== 200 || !body?.process) throw new CliError(bilingual(W, (w) => w.noProcess(id, body?.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${a.status}`)))
  const date = Date.parse(a.headers?.get('date') ?? '')
  return { process: body.process, bids: body.bids ?? [], now: Number.isNaN(date) ? Date.now() : date }
}

/** The keys of a supplier as the node has them; undefined when it has no such supplier. */
async function supplierKeys(client: SaksiClient, supplier: string): Promise<unknown> {
  try {
    return ((await getSupplier(client, { supplier })) as { keys?: unknown } | null)?.keys
  } catch (e) {
    if (e instanceof SaksiApiError) return undefined
    throw e
  }
}

async function report(ctx: CliContext, client: SaksiClient, answer: Submitted): Promise<void> {
  ctx.io.out(`${JSON.stringify(answer.body, null, 2)}\n`)
  if (answer.status >= 400) {
    ctx.io.err(`${W[ctx.lang].answered(answer.status)}\n`)
    ctx.exitCode = EXIT.FAILED
  } else if ((answer.body as { status?: unknown } | undefined)?.status === 'failed') {
    ctx.io.err(`${W[ctx.lang].committedFailed(await failureMessage(client, answer.body))}\n`)
    ctx.exitCode = EXIT.TX_FAILED
  }
}

/**
 * `saksi procurement bid|reveal`: a supplier's sealed bid, done so that it cannot leak. `bid` checks
 * the bid against the tender, seals it with a fresh salt, keeps the salt in a file readable only by
 * its owner, and only then submits the commitment. `reveal` checks on the node's clock that the bid
 * deadline has passed (a reveal sent early would be refused but logged with the bid in it) and the
 * reveal deadline has not, and that the log holds this commitment, then reveals.
 * @param ctx output and exit code
 */
export function procurementCommand(ctx: CliContext): Command {
  const w = W[ctx.lang]
  const procurement = new Command('procurement').description(w.description)
  procurement
    .command('bid')
    .description(w.bidDescription)
    .argument('<bid.json>', w.bidFile)
    .requiredOption('--key <file>', w.key)
    .requiredOption('--process <id>', w.process)
    .requiredOption('--supplier <id>', w.supplier)
    .option('--sealed <file>', w.sealedOut)
    .option('--allow-noncompliant', w.allowNoncompliant)
    .option('--node <url>', w.node, DEFAULT_NODE_URL)
    .action(async (file: string, opts: { key: string; process: string; supplier: string; sealed?: string; allowNoncompliant?: boolean; node: string }) => {
      const { key, warning } = await readKeyFile(opts.key, ctx.lang)
      if (warning) ctx.io.err(`${warning}\n`)
      const text = await readTextFile(file)
      const bid = parseBid(text, file)
      const client = openNodeClient(opts.node)
      const { process: p, bids, now } = await fetchProcess(client, opts.process)
      if (p.stage !== 'tender' || !p.tender) throw new CliError(bilingual(W, (w) => w.notTakingBids(p.id, p.stage)))
      const tender = p.tender
      const keys = await supplierKeys(client, opts.supplier)
      if (!Array.isArray(keys)) throw new CliError(bilingual(W, (w) => w.noSupplier(opts.supplier)))
      if (!keys.includes(key.did)) throw new CliError(bilingual(W, (w) => w.notSupplierKey(opts.key, opts.supplier)))
      if (bids.some((b) => b.supplier === opts.supplier)) throw new CliError(bilingual(W, (w) => w.alreadyCommitted(opts.supplier, p.id)), EXIT.FAILED)
      if (now >= Date.parse(p.tender.bidDeadline)) throw new CliError(bilingual(W, (w) => w.bidDeadlinePassed(p.id, tender.bidDeadline)), EXIT.FAILED)
      const problems = bidProblems(p, bid)
      if (problems.fatal.length > 0) throw new CliError(bilingual(W, (w) => w.doesNotFit(file, problems.fatal.join('; '))))
      if (problems.nonCompliance.length > 0 && !opts.allowNoncompliant) {
        throw new CliError(bilingual(W, (w) => w.ruledOut(problems.nonCompliance.join('; '))), EXIT.FAILED)
      }
      const sealed = sealBid(p.id, opts.supplier, bid)
      const path = opts.sealed ?? `${p.id}.${opts.supplier}.sealed-bid.json`
      // The salt is kept before the commitment is sent: a committed bid without its salt can never be revealed.
      await writeSealedBid(path, sealed)
      ctx.io.err(`${w.sealedKept(path, p.tender.bidDeadline)}\n`)
      await report(ctx, client, await submitAndWait(client, key, 'procurement', 'commitBid', { process: p.id, supplier: opts.supplier, commitment: sealed.commitment }))
    })
  procurement
    .command('reveal')
    .description(w.revealDescription)
    .requiredOption('--key <file>', w.key)
    .requiredOption('--sealed <file>', w.sealedIn)
    .option('--node <url>', w.node, DEFAULT_NODE_URL)
    .action(async (opts: { key: string; sealed: string; node: string }) => {
      const { key, warning } = await readKeyFile(opts.key, ctx.lang)
      if (warning) ctx.io.err(`${warning}\n`)
      const sealed = await readSealedBid(opts.sealed)
      const client = openNodeClient(opts.node)
      const { process: p, bids, now } = await fetchProcess(client, sealed.process)
      if (p.stage !== 'tender' || !p.tender) throw new CliError(bilingual(W, (w) => w.notInTender(p.id, p.stage)), EXIT.FAILED)
      const tender = p.tender
      const keys = await supplierKeys(client, sealed.supplier)
      if (!Array.isArray(keys) || !keys.includes(key.did)) throw new CliError(bilingual(W, (w) => w.notSupplierKeyNothingSent(opts.key, sealed.supplier)))
      const opens = Date.parse(p.tender.bidDeadline) + REVEAL_MARGIN_MS
      if (now < opens) throw new CliError(bilingual(W, (w) => w.stillSealed(p.id, tender.bidDeadline, new Date(now).toISOString())), EXIT.FAILED)
      if (now >= Date.parse(p.tender.revealDeadline)) throw new CliError(bilingual(W, (w) => w.revealDeadlinePassed(p.id, tender.revealDeadline)), EXIT.FAILED)
      const committed = bids.find((b) => b.supplier === sealed.supplier)
      if (committed?.revealed) throw new CliError(bilingual(W, (w) => w.alreadyRevealed(sealed.supplier, p.id)), EXIT.FAILED)
      if (committed?.commitment !== sealed.commitment) throw new CliError(bilingual(W, (w) => w.otherCommitment(committed !== undefined, sealed.supplier, p.id)), EXIT.FAILED)
      await report(ctx, client, await submitAndWait(client, key, 'procurement', 'revealBid', { process: p.id, supplier: sealed.supplier, bid: sealed.bid as unknown as JsonObject, salt: sealed.salt }))
    })
  return procurement
}
