import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import AjvFormats from 'ajv-formats'

// Both are CommonJS modules whose default export sits on `.default` when imported from ESM.
const Ajv = ((AjvDraft04 as unknown as { default?: typeof AjvDraft04 }).default ?? AjvDraft04) as unknown as typeof AjvDraft04.default
const addFormats = ((AjvFormats as unknown as { default?: typeof AjvFormats }).default ?? AjvFormats) as unknown as typeof AjvFormats.default

/**
 * Validators for the official OCDS 1.1.5 package schemas (JSON Schema draft-04), read from a local
 * copy: the release schema's id (its URL) is mapped to the local file, so nothing is fetched.
 * Test and tooling use only (ajv is a development dependency).
 * @param dir the folder holding release-schema.json, release-package-schema.json and record-package-schema.json
 */
export function ocdsValidators(dir: string) {
  const load = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as { id: string }
  // The schemas carry OCDS keywords (codelist, mergeStrategy, deprecated...) that strict mode refuses.
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  const release = load('release-schema.json')
  ajv.addSchema(release, release.id)
  // The record package refers to the versioned release schema, which is not part of the local
  // copy; Saksi publishes no versioned releases, so a placeholder that matches nothing stands in.
  ajv.addSchema({ id: 'https://standard.open-contracting.org/schema/1__1__5/versioned-release-validation-schema.json', not: {} })
  return {
    release: ajv.getSchema(release.id)!,
    releasePackage: ajv.compile(load('release-package-schema.json')),
    recordPackage: ajv.compile(load('record-package-schema.json')),
  }
}
