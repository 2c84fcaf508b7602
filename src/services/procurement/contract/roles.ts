import { definePolicy, role, type Policy, type PolicyContext, type PolicyRequirement } from 'saksi'
import type { Process, Supplier } from './records.js'

/** Roles of the procurement contract, granted by an agency's admins (identity `grants`). */
export const ROLES = {
  /** Plans purchases, publishes tenders, awards and issues purchase orders (pejabat pengadaan / PPK). */
  officer: 'procurement.officer',
  /** Receives deliveries: records the quantities and quality accepted (PPHP, pemeriksa barang). */
  inspector: 'procurement.inspector',
  /** Retries payments the bank refused (bendahara). */
  treasurer: 'procurement.treasurer',
  /** Reads everything and adds signed audit notes (inspektorat, BPK). */
  auditor: 'procurement.auditor',
  /** Resolves disputes; never a member of the buyer or the receiving organisation, never a supplier. */
  arbiter: 'procurement.arbiter',
  /** The payment service's key: reports payments confirmed or failed by the bank. */
  gateway: 'payments.gateway',
} as const

/** The organisation that owns a process id (`pertamanan.bangku-2026` → `pertamanan`). */
export function processOrg(id: string): string {
  return id.slice(0, id.indexOf('.'))
}

const argOf = (ctx: PolicyContext, field: string): unknown => (ctx.args as Record<string, unknown>)[field]

/** The supplier a key signs for, read through the procurement contract's own state. */
export function supplierOfKey(ctx: Pick<PolicyContext, 'view'>, did: string): string | undefined {
  return ctx.view('procurement').get(`supkey/${did}`) as string | undefined
}

/** Whether `did` is a member of organisation `org` with any roles (or none), from the identity contract. */
export function isMemberOf(ctx: Pick<PolicyContext, 'view'>, did: string, org: string): boolean {
  return ctx.view('identity').get(`member/${org}/${did}`) !== undefined
}

/** Whether `did` holds any procurement role (or the payment service's) anywhere. */
export function holdsProcurementRole(ctx: Pick<PolicyContext, 'directory'>, did: string): boolean {
  return Object.values(ROLES).some((r) => ctx.directory.hasRole(did, r))
}

const conflict = (ctx: PolicyContext) => {
  const s = supplierOfKey(ctx, ctx.caller)
  return s === undefined ? undefined : { code: 'PROCUREMENT_CONFLICT_OF_INTEREST', message: `the caller signs for supplier ${s}: a supplier key cannot act for the buyer` }
}

/**
 * Allows callers holding one of `roles` in the organisation that owns `args.process` (the
 * buyer), unless the key also signs for a supplier.
 */
export function buyer(...roles: string[]): Policy {
  return definePolicy(`${roles.join(' or ')} in the buyer (the organisation owning the process), not a supplier key`, (ctx) => {
    const pid = argOf(ctx, 'process')
    if (typeof pid !== 'string' || !pid.includes('.')) return { code: 'ACCESS_DENIED', message: 'no process in the arguments' }
    const org = processOrg(pid)
    if (!roles.some((r) => ctx.directory.hasRole(ctx.caller, r, org))) return { code: 'ACCESS_DENIED', message: `the caller holds none of ${roles.join(', ')} in ${org}` }
    return conflict(ctx)
  }, (ctx) => {
    const pid = argOf(ctx, 'process')
    return typeof pid === 'string' && pid.includes('.') ? missingRoles(ctx, roles, processOrg(pid)) : roles.map((role) => ({ role }))
  })
}

// The roles to ask for when the caller holds none of them in `org` (a supplier key holding one is refused for another reason).
function missingRoles(ctx: PolicyContext, roles: readonly string[], org: string | undefined): PolicyRequirement[] | undefined {
  if (roles.some((r) => ctx.directory.hasRole(ctx.caller, r, org))) return undefined
  return roles.map((role) => (org === undefined ? { role } : { role, org }))
}

/** Allows callers holding `name` in any organisation that may grant it, unless the key signs for a supplier. */
export function official(name: string): Policy {
  return definePolicy(`role(${name}), not a supplier key`, (ctx) => role(name).check(ctx) ?? conflict(ctx), (ctx) => missingRoles(ctx, [name], undefined))
}

/** Allows a key of the supplier named in `args[field]`. */
export function supplierKey(field = 'supplier'): Policy {
  return definePolicy(`a key of the supplier in args.${field}`, (ctx) => {
    const supplier = argOf(ctx, field)
    if (typeof supplier === 'string' && supplierOfKey(ctx, ctx.caller) === supplier) return undefined
    return { code: 'ACCESS_DENIED', message: `the caller is not a key of supplier ${String(supplier)}` }
  })
}

/** Allows an admin key of the supplier named in `args.supplier` (an unknown supplier is left to the method). */
export const supplierAdmin: Policy = definePolicy('an admin key of the supplier in args.supplier', (ctx) => {
  const id = argOf(ctx, 'supplier')
  const s = typeof id === 'string' ? (ctx.view('procurement').get(`supplier/${id}`) as Supplier | undefined) : undefined
  if (!s || s.admins.includes(ctx.caller)) return undefined
  return { code: 'ACCESS_DENIED', message: `the caller is not an admin key of supplier ${String(id)}` }
})

function processOf(ctx: PolicyContext): Process | undefined {
  const id = argOf(ctx, 'process')
  return typeof id === 'string' ? (ctx.view('procurement').get(`proc/${id}`) as Process | undefined) : undefined
}

/** Allows a key of the supplier awarded the process's contract. */
export const awardedSupplier: Policy = definePolicy('a key of the supplier awarded the process', (ctx) => {
  const winner = processOf(ctx)?.award?.supplier
  if (winner !== undefined && supplierOfKey(ctx, ctx.caller) === winner) return undefined
  return { code: 'ACCESS_DENIED', message: 'the caller is not a key of the awarded supplier' }
})

/**
 * Allows the receiving agency's inspectors (the purchase order's `receivingOrg`, by default the
 * buyer), unless the key also signs for a supplier. An unknown process is left to the method.
 */
export const receivingInspector: Policy = definePolicy(`${ROLES.inspector} in the purchase order's receiving organisation, not a supplier key`, (ctx) => {
  const p = processOf(ctx)
  if (!p) return undefined
  const org = p.order?.receivingOrg ?? p.org
  if (!ctx.directory.hasRole(ctx.caller, ROLES.inspector, org)) return { code: 'ACCESS_DENIED', message: `only an inspector of the receiving organisation (${org}) confirms a delivery` }
  return conflict(ctx)
}, (ctx) => {
  const p = processOf(ctx)
  return p ? missingRoles(ctx, [ROLES.inspector], p.order?.receivingOrg ?? p.org) : undefined
})
