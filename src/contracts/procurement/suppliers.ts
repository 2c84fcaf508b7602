import { z } from 'zod'
import { anyone, defineMethod } from '../../core/runtime/index.js'
import type { Supplier } from './records.js'
import { supplierAdmin } from './roles.js'
import { Did, Slug, text } from './schemas.js'
import { keys, read, write } from './state.js'

/**
 * `procurement.registerSupplier`: a company registers as a supplier with the signing key, which
 * becomes its first admin key. A key signs for one supplier only.
 */
export const registerSupplier = defineMethod({
  description: 'Registers a supplier (penyedia); the signer becomes its first admin key.',
  args: z.strictObject({ supplier: Slug, name: text(200), nib: z.string().regex(/^\d{13}$/, 'must be the 13-digit NIB').optional() }),
  allow: anyone,
  run(ctx, { supplier: id, name, nib }) {
    if (read(ctx.state, keys.supplier(id))) ctx.fail('PROCUREMENT_SUPPLIER_EXISTS', `supplier ${id} exists`)
    const other = read<string>(ctx.state, keys.supplierKey(ctx.caller))
    if (other) ctx.fail('PROCUREMENT_SUPPLIER_EXISTS', `this key already signs for supplier ${other}`)
    const s: Supplier = { id, name, ...(nib ? { nib } : {}), admins: [ctx.caller], keys: [ctx.caller], registeredAt: ctx.time.iso }
    write(ctx.state, keys.supplier(id), s)
    write(ctx.state, keys.supplierKey(ctx.caller), id)
    ctx.emit('procurement.SupplierRegistered', { supplier: id, name, by: ctx.caller })
  },
})

/** `procurement.addSupplierKey`: a supplier's admin adds a key for its staff (or another admin). */
export const addSupplierKey = defineMethod({
  description: 'Adds a key that signs for the supplier (admin key only).',
  args: z.strictObject({ supplier: Slug, did: Did, admin: z.boolean().default(false) }),
  allow: supplierAdmin,
  run(ctx, { supplier: id, did, admin }) {
    const s = read<Supplier>(ctx.state, keys.supplier(id))!
    const other = read<string>(ctx.state, keys.supplierKey(did))
    if (other) ctx.fail('PROCUREMENT_SUPPLIER_KEY_INVALID', `the key already signs for supplier ${other}`)
    write(ctx.state, keys.supplier(id), { ...s, keys: [...s.keys, did], admins: admin ? [...s.admins, did] : s.admins })
    write(ctx.state, keys.supplierKey(did), id)
    ctx.emit('procurement.SupplierKeyAdded', { supplier: id, did, admin, by: ctx.caller })
  },
})

/** `procurement.removeSupplierKey`: a supplier's admin removes a key (never the last admin key). */
export const removeSupplierKey = defineMethod({
  description: 'Removes a key of the supplier (admin key only; never the last admin key).',
  args: z.strictObject({ supplier: Slug, did: Did }),
  allow: supplierAdmin,
  run(ctx, { supplier: id, did }) {
    const s = read<Supplier>(ctx.state, keys.supplier(id))!
    if (!s.keys.includes(did)) ctx.fail('PROCUREMENT_SUPPLIER_KEY_INVALID', `${did} is not a key of ${id}`)
    const admins = s.admins.filter((a) => a !== did)
    if (admins.length === 0) ctx.fail('PROCUREMENT_SUPPLIER_KEY_INVALID', 'the last admin key cannot be removed')
    write(ctx.state, keys.supplier(id), { ...s, keys: s.keys.filter((k) => k !== did), admins })
    ctx.state.delete(keys.supplierKey(did))
    ctx.emit('procurement.SupplierKeyRemoved', { supplier: id, did, by: ctx.caller })
  },
})
