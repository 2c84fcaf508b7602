/**
 * The message catalogue: every code Saksi gives, with its kind and messages in Bahasa Indonesia and
 * English, for the API, the CLI and the web app. Browser-safe: it imports only core and the
 * services' contracts.
 */
export { catalogueOf, CORE_CATALOGUE } from './error-catalogue.js'
export { catalogueError } from './catalogue-error.js'
export type { CodeSpec, ErrorCatalogue } from '../core/index.js'
export { localeLanguage, pickLanguage, type Language } from './language.js'
