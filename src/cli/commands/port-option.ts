import { InvalidArgumentError } from 'commander'

/**
 * Parses a `--port` value: an integer from 0 (any free port) to 65535.
 * @throws InvalidArgumentError (commander reports it as a usage error)
 */
export function parsePort(value: string): number {
  const n = Number(value)
  if (!/^\d{1,5}$/.test(value) || n > 65535) throw new InvalidArgumentError('must be an integer from 0 to 65535')
  return n
}
