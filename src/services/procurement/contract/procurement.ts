import { ROLES } from './roles.js'
import { defineContract, findNikInClear } from 'saksi'
import { addAuditNote } from './audit.js'
import { cancelTender, closeContract } from './closing.js'
import { award } from './award.js'
import { commitBid, revealBid } from './bids.js'
import { openDispute, resolveDispute } from './disputes.js'
import { inspect } from './inspections.js'
import { acceptContract, issueContract } from './order.js'
import { confirmPayment, failPayment, retryPayment } from './payments.js'
import { createPlan, publishTender } from './planning.js'
import { consistency, history, instruction, process, processes, shipment, supplier, suppliers } from './queries.js'
import { arrive, dispatch, updateLocation } from './shipments.js'
import { addSupplierKey, joinSupplier, registerSupplier, removeSupplierKey } from './suppliers.js'
import { PROCUREMENT_CODES } from './codes.js'

/**
 * The procurement contract: suppliers with their own keys; plans and tenders with published
 * criteria; sealed bids (commit, then reveal); awards computed from the criteria with reasons;
 * purchase orders with milestones, unit prices and late penalties; shipments tracked by signed
 * movements; inspections that release proportional payments through the node's payment outbox;
 * disputes that hold a milestone's payments until an independent arbiter rules; audit notes and
 * a consistency report.
 */
export const procurement = defineContract({
  name: 'procurement',
  version: 1,
  roles: Object.values(ROLES),
  codes: PROCUREMENT_CODES,
  methods: {
    registerSupplier,
    addSupplierKey,
    joinSupplier,
    removeSupplierKey,
    createPlan,
    publishTender,
    commitBid,
    revealBid,
    award,
    issueContract,
    acceptContract,
    dispatch,
    updateLocation,
    arrive,
    inspect,
    confirmPayment,
    failPayment,
    retryPayment,
    openDispute,
    resolveDispute,
    addAuditNote,
    cancelTender,
    closeContract,
  },
  queries: { process, processes, history, shipment, instruction, consistency, supplier, suppliers },
  screen(method, args) {
    // A bank's reference or refusal is the bank's text, reported as it came; it may hold 16 digits.
    const screened = method === 'confirmPayment' || method === 'failPayment' ? { ...args, reference: null, reason: null } : args
    const at = findNikInClear(screened)
    if (at === undefined) return undefined
    return { code: 'PROCUREMENT_NIK_IN_CLEAR', message: `${at} looks like a NIK in clear; personal data stays off the log` }
  },
})
