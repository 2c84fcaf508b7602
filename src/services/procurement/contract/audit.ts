import { z } from 'zod'
import { defineMethod } from 'saksi'
import type { AuditNote } from './records.js'
import { ROLES, official } from './roles.js'
import { ProcessId, text } from './schemas.js'
import { keys, list, mustProcess, saveWithHistory, write } from './state.js'
import { say } from './words.js'
import { PROCUREMENT_CODES } from './codes.js'

/** `procurement.addAuditNote`: an auditor signs a note on a process (a finding, a question, a clearance). */
export const addAuditNote = defineMethod(PROCUREMENT_CODES, {
  description: 'Adds a signed audit note to a process (auditors only).',
  args: z.strictObject({ process: ProcessId, subject: text(100).optional(), text: text(4000) }),
  allow: official(ROLES.auditor),
  run(ctx, { process: id, subject, text: body }) {
    const p = mustProcess(ctx, id)
    const seq = list(ctx.state, keys.notes(id)).length + 1
    const note: AuditNote = { seq, ...(subject ? { subject } : {}), text: body, by: ctx.caller, at: ctx.time.iso }
    write(ctx.state, keys.note(id, seq), note)
    saveWithHistory(ctx, p, 'audit-note', say(`catatan audit ${seq}${subject ? ` tentang ${subject}` : ''}`, `audit note ${seq}${subject ? ` on ${subject}` : ''}`))
    ctx.emit('procurement.AuditNoteAdded', { process: id, seq })
  },
})
