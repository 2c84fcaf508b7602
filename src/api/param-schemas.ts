/**
 * JSON Schemas of path parameters, query parameters and headers. Each is used twice: by Fastify to
 * validate requests (with type coercion off, so a value is checked as the text that was sent) and
 * by @fastify/swagger to describe the route in `/openapi.json`.
 */
import { z } from 'zod'
import { NAME_PATTERN, TX_ID_PATTERN } from 'saksi'

/** Decimal digits of a count or index: no sign, no leading zero, no exponent, at most 16 digits. */
export const COUNT_PATTERN = '^(0|[1-9][0-9]{0,15})$'

/**
 * A non-negative safe integer written in decimal. The pattern bounds the length to 16 digits; the
 * handler's `parseCount` refuses the 16-digit values above 2^53 - 1.
 * @param description what the number is
 */
export function countParam(description: string) {
  return { type: 'string', pattern: COUNT_PATTERN, description: `${description} (a decimal integer from 0 to 2^53 - 1)`, examples: ['0'] } as const
}

/** A transaction id: lowercase hex SHA-256 (PROTOCOL section 3). */
export const TX_ID_PARAM = { type: 'string', pattern: TX_ID_PATTERN.source, description: 'transaction id: 64 lowercase hex digits' } as const

/** A contract or query name, as the protocol writes names of contracts and methods. */
export const NAME_PARAM = { type: 'string', pattern: NAME_PATTERN.source, description: '1-64 letters, digits, ".", "_" or "-"' } as const

/**
 * An object schema of named string parameters that refuses any other name.
 * @param properties the parameters
 * @param required the names that must be present
 */
export function paramsObject<P extends Record<string, object>>(properties: P, required: readonly (keyof P & string)[] = []) {
  return { type: 'object', properties, required: [...required], additionalProperties: false } as const
}

/**
 * The JSON Schema of a string parameter, derived from the zod schema that the contract checks the
 * same value with, so that an id's pattern is written once (e.g. a programme id).
 * @param schema a zod string schema (e.g. with `.regex`)
 * @param description what the parameter is
 */
export function zodParam(schema: z.ZodType<string>, description: string) {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema) as Record<string, unknown>
  return { ...json, description } as { type: 'string'; pattern?: string; description: string }
}
