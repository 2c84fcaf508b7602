import { isIPv4, isIPv6 } from 'node:net'

/** The first four groups of an IPv6 address, expanded. */
function prefix64(address: string): string {
  const [head = '', tail] = address.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((g) => (g.replace(/^0+/, '') || '0').toLowerCase())
    .join(':')}::/64`
}

/**
 * The id a client's rate limit is kept under: an IPv4 address as is (also when written as an
 * IPv4-mapped IPv6 address), an IPv6 address by its /64 prefix, since one subscriber usually holds a
 * whole /64 and could otherwise take a fresh address (and a fresh bucket) for every request.
 * @param address the socket's remote address
 */
export function clientId(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!
  if (isIPv4(address)) return address
  const bare = address.replace(/%.*$/, '')
  return isIPv6(bare) && !bare.includes('.') ? prefix64(bare) : address
}
