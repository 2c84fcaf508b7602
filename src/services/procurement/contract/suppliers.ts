import { z } from 'zod'
import { anyOf, anyone, defineMethod, self } from 'saksi'
import type { Supplier } from './records.js'
import { holdsProcurementRole, supplierAdmin } from './roles.js'
import { Did, Slug, text } from './schemas.js'
import { keys, read, write } from './state.js'
import { PROCUREMENT_CODES, type ProcurementContext } from './codes.js'

const NIB = z.string().regex(/^\d{13}$/, 'must be the 13-digit Nomor Induk Berusaha (NIB)')

/** A key may sign for one supplier, and never while it holds a procurement role (either side, not both). */
function checkFreeKey(ctx: ProcurementContext, did: string): void {
  const other = read<string>(ctx.state, keys.supplierKey(did))
  if (other) ctx.fail('PROCUREMENT_SUPPLIER_EXISTS', `this key already signs for supplier ${other}`)
  if (holdsProcurementRole(ctx, did)) ctx.fail('PROCUREMENT_CONFLICT_OF_INTEREST', 'this key holds a procurement role in an agency: it cannot sign for a supplier')
}

function mustSupplier(ctx: ProcurementContext, id: string): Supplier {
  return read<Supplier>(ctx.state, keys.supplier(id)) ?? ctx.fail('PROCUREMENT_SUPPLIER_NOT_FOUND', `no supplier ${id}`)
}

/**
 * `procurement.registerSupplier`: a company registers as a supplier with the signing key, which
 * becomes its first admin key. One supplier per business licence number (NIB), so that one company
 * cannot bid under several names and reveal only the bid that suits it.
 */
export const registerSupplier = defineMethod(PROCUREMENT_CODES, {
  description: 'Registers a supplier (penyedia) under its NIB; the signer becomes its first admin key.',
  args: z.strictObject({ supplier: Slug, name: text(200), nib: NIB }),
  allow: anyone,
  run(ctx, { supplier: id, name, nib }) {
    if (read(ctx.state, keys.supplier(id))) ctx.fail('PROCUREMENT_SUPPLIER_EXISTS', `supplier ${id} exists`)
    const holder = read<string>(ctx.state, keys.nib(nib))
    if (holder) ctx.fail('PROCUREMENT_NIB_USED', `supplier ${holder} registered this NIB`)
    checkFreeKey(ctx, ctx.caller)
    const s: Supplier = { id, name, nib, admins: [ctx.caller], keys: [ctx.caller], registeredAt: ctx.time.iso }
    write(ctx.state, keys.supplier(id), s)
    write(ctx.state, keys.supplierKey(ctx.caller), id)
    write(ctx.state, keys.nib(nib), id)
    ctx.emit('procurement.SupplierRegistered', { supplier: id, name, by: ctx.caller })
  },
})

/**
 * `procurement.addSupplierKey`: a supplier's admin invites a key (staff, or another admin). The
 * key signs for the supplier only once it accepts with `joinSupplier`: nobody's key is bound to a
 * company without its holder's signature.
 */
export const addSupplierKey = defineMethod(PROCUREMENT_CODES, {
  description: 'Invites a key to sign for the supplier (admin key only); the key accepts with joinSupplier.',
  args: z.strictObject({ supplier: Slug, did: Did, admin: z.boolean().default(false) }),
  allow: supplierAdmin,
  run(ctx, { supplier: id, did, admin }) {
    const s = mustSupplier(ctx, id)
    if (s.keys.includes(did)) ctx.fail('PROCUREMENT_SUPPLIER_KEY_INVALID', `${did} already signs for ${id}`)
    write(ctx.state, keys.invite(did, id), { admin, by: ctx.caller, at: ctx.time.iso })
    ctx.emit('procurement.SupplierKeyInvited', { supplier: id, did, admin, by: ctx.caller })
  },
})

/** `procurement.joinSupplier`: an invited key accepts, and from then on signs for the supplier. */
export const joinSupplier = defineMethod(PROCUREMENT_CODES, {
  description: 'Accepts an invitation to sign for a supplier (the invited key).',
  args: z.strictObject({ supplier: Slug }),
  allow: anyone,
  run(ctx, { supplier: id }) {
    const s = mustSupplier(ctx, id)
    const invite = read<{ admin: boolean }>(ctx.state, keys.invite(ctx.caller, id)) ?? ctx.fail('PROCUREMENT_SUPPLIER_KEY_INVALID', `${id} did not invite this key`)
    checkFreeKey(ctx, ctx.caller)
    write(ctx.state, keys.supplier(id), { ...s, keys: [...s.keys, ctx.caller], admins: invite.admin ? [...s.admins, ctx.caller] : s.admins })
    write(ctx.state, keys.supplierKey(ctx.caller), id)
    ctx.state.delete(keys.invite(ctx.caller, id))
    ctx.emit('procurement.SupplierKeyAdded', { supplier: id, did: ctx.caller, admin: invite.admin })
  },
})

/** `procurement.removeSupplierKey`: an admin removes a key, or a key leaves; never the last admin key. */
export const removeSupplierKey = defineMethod(PROCUREMENT_CODES, {
  description: 'Removes a key of the supplier (an admin key, or the key itself; never the last admin key).',
  args: z.strictObject({ supplier: Slug, did: Did }),
  allow: anyOf(supplierAdmin, self('did')),
  run(ctx, { supplier: id, did }) {
    const s = mustSupplier(ctx, id)
    if (!s.keys.includes(did)) ctx.fail('PROCUREMENT_SUPPLIER_KEY_INVALID', `${did} is not a key of ${id}`)
    const admins = s.admins.filter((a) => a !== did)
    if (admins.length === 0) ctx.fail('PROCUREMENT_SUPPLIER_KEY_INVALID', 'the last admin key cannot be removed')
    write(ctx.state, keys.supplier(id), { ...s, keys: s.keys.filter((k) => k !== did), admins })
    ctx.state.delete(keys.supplierKey(did))
    ctx.emit('procurement.SupplierKeyRemoved', { supplier: id, did, by: ctx.caller })
  },
})
