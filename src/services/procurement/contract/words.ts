/** Rupiah as people write them: `Rp 230.000.000`. */
export const rupiah = (n: number): string => `Rp ${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`

/** A whole number with thousands separators: `.` in Bahasa Indonesia, `,` in English. */
export const thousands = (n: number, separator: '.' | ','): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator)

/** Item quantities as a list: `26 bangku, 20 tempat-sampah` (or `none`, in the words given). */
export const quantities = (lines: { item: string; quantity: number }[], none = 'none'): string => (lines.length ? lines.map((l) => `${l.quantity} ${l.item}`).join(', ') : none)

/** Words for citizens: Bahasa Indonesia first, English second. */
export const say = (id: string, en: string): { id: string; en: string } => ({ id, en })
