import { createPublicKey } from 'node:crypto'
import { extname } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { describeIssue, didKeyFromPublicKey, fromBase64Url, isDidKey, NAME_PATTERN, type Contract, type DidKey, type JsonObject } from 'saksi'
import { CliError } from '../cli-error.js'
import { readTextFile } from '../read-text-file.js'

/** A genesis organisation as a city configures it. */
export interface OrganisationSpec {
  /** Organisation id in the identity contract, e.g. `dinsos`. */
  id: string
  /** Legal name, e.g. `Dinas Sosial Kota Uji`. */
  name: string
  /** What kind of body it is (`dinas`, `badan`, ...; the identity contract lists them). */
  kind?: string
  /** Roles its admins may grant besides `identity.admin`. */
  grants?: string[]
  /** Its first admins' keys; absent: one key is generated into `DATA/keys/<id>-admin.pem`. */
  admins?: DidKey[]
}

/** A city's network, as `saksi init --config` reads it. */
export interface CityConfig {
  network: string
  /** The log origin (default `saksi.example/<network>`). */
  origin?: string
  /** The city's name, recorded in genesis (`city`). */
  city?: string
  organisations: OrganisationSpec[]
  /** The longest validity window of a transaction, in seconds (default 3,600). */
  maxValiditySeconds?: number
  /** Genesis `limits.execution` over the defaults (PROTOCOL-NOTES "Execution limits"). */
  executionLimits?: JsonObject
  /** Genesis `admission` (PROTOCOL-NOTES "Admission limits"). */
  admission?: JsonObject
}

const ORG_ID = /^[a-z0-9][a-z0-9-]{0,62}$/
const ORIGIN = /^[\x21-\x7e]{1,200}$/

/** An admin key as written in a configuration: a `did:key`, or an Ed25519 public key in PEM (SPKI). */
function adminDid(text: string): DidKey | undefined {
  const t = text.trim()
  if (isDidKey(t)) return t
  if (!t.startsWith('-----BEGIN PUBLIC KEY-----')) return undefined
  try {
    const key = createPublicKey(t)
    if (key.asymmetricKeyType !== 'ed25519') return undefined
    return didKeyFromPublicKey(fromBase64Url(key.export({ format: 'jwk' }).x!))
  } catch {
    return undefined
  }
}

const Organisation = z.strictObject({
  id: z.string().regex(ORG_ID, 'must be 1-63 lowercase letters, digits or dashes, e.g. dinsos'),
  name: z.string().trim().min(1).max(200),
  kind: z.string().optional(),
  grants: z.array(z.string()).max(64).optional(),
  admins: z
    .array(z.string().transform((s, ctx) => adminDid(s) ?? (ctx.addIssue({ code: 'custom', message: 'is not an Ed25519 did:key or PEM public key' }), z.NEVER)))
    .min(1)
    .max(16)
    .optional(),
})

const Config = z.strictObject({
  network: z.string().regex(NAME_PATTERN, 'must be 1-64 letters, digits, ".", "_" or "-", e.g. kota-uji'),
  origin: z.string().regex(ORIGIN, 'must be printable ASCII without spaces, e.g. saksi.kota-uji.go.id/ledger').optional(),
  city: z.string().trim().min(1).max(100).optional(),
  organisations: z.array(Organisation).min(1).max(200),
  maxValiditySeconds: z.number().int().min(60).max(86_400).optional(),
  limits: z.strictObject({ execution: z.record(z.string(), z.json()).optional() }).optional(),
  admission: z.record(z.string(), z.json()).optional(),
})

/**
 * Checks a city's configuration against the installed contracts: the shape, organisation ids
 * unique, every grant a role some contract declares, no admin key twice in one organisation.
 * @param value the parsed file
 * @param contracts the installed contracts (their `roles`)
 * @param file the file's name, for the messages
 * @param checkRoles whether grants must be roles of the installed contracts (false for the demo
 *   city's file on a build that leaves some of its services out)
 * @returns the configuration
 * @throws CliError naming the file and the path of the first problem (`config.organisations[1].grants[0]`)
 */
export function parseCityConfig(value: unknown, contracts: readonly Contract[], file = 'the configuration', checkRoles = true): CityConfig {
  const r = Config.safeParse(value)
  if (!r.success) throw new CliError(`${file}: ${describeIssue(r.error.issues, 'config')}`)
  const c = r.data
  const known = new Set(contracts.flatMap((k) => k.roles))
  const ids = new Map<string, number>()
  c.organisations.forEach((o, i) => {
    const first = ids.get(o.id)
    if (first !== undefined) throw new CliError(`${file}: config.organisations[${i}].id: ${o.id} is already config.organisations[${first}]`)
    ids.set(o.id, i)
    o.grants?.forEach((g, j) => {
      if (checkRoles && !known.has(g)) throw new CliError(`${file}: config.organisations[${i}].grants[${j}]: unknown role ${g} (known: ${[...known].sort().join(', ')})`)
    })
    const seen = new Set<string>()
    o.admins?.forEach((d, j) => {
      if (seen.has(d)) throw new CliError(`${file}: config.organisations[${i}].admins[${j}]: the same key is listed twice`)
      seen.add(d)
    })
  })
  return {
    network: c.network,
    ...(c.origin === undefined ? {} : { origin: c.origin }),
    ...(c.city === undefined ? {} : { city: c.city }),
    organisations: c.organisations.map((o) => ({
      id: o.id,
      name: o.name,
      ...(o.kind === undefined ? {} : { kind: o.kind }),
      ...(o.grants === undefined ? {} : { grants: o.grants }),
      ...(o.admins === undefined ? {} : { admins: o.admins as DidKey[] }),
    })),
    ...(c.maxValiditySeconds === undefined ? {} : { maxValiditySeconds: c.maxValiditySeconds }),
    ...(c.limits?.execution === undefined ? {} : { executionLimits: c.limits.execution as JsonObject }),
    ...(c.admission === undefined ? {} : { admission: c.admission as JsonObject }),
  }
}

/**
 * Reads a city's configuration file: YAML for `.yaml`/`.yml`, JSON otherwise.
 * @param file the path
 * @param contracts the installed contracts
 * @param checkRoles see {@link parseCityConfig}
 * @throws CliError when the file cannot be read, does not parse, or fails {@link parseCityConfig}
 */
export async function readCityConfig(file: string, contracts: readonly Contract[], checkRoles = true): Promise<CityConfig> {
  const text = await readTextFile(file)
  const yaml = ['.yaml', '.yml'].includes(extname(file).toLowerCase())
  let value: unknown
  try {
    value = yaml ? parseYaml(text, { maxAliasCount: 0 }) : JSON.parse(text)
  } catch (e) {
    throw new CliError(`${file}: not valid ${yaml ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}`)
  }
  return parseCityConfig(value, contracts, file, checkRoles)
}
