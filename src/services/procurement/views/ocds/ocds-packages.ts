import type { OcdsRelease } from './ocds-releases.js'

/** Who publishes the data (OCDS `publisher`). */
export interface OcdsPublisher {
  name: string
  uri?: string
}

/** The latest date among `releases`: a package's `publishedDate` follows its content, not the clock. */
function latest(releases: OcdsRelease[], fallback: string): string {
  return releases.reduce((d, r) => (r.date > d ? r.date : d), releases[0]?.date ?? fallback)
}

/**
 * An OCDS 1.1 release package.
 * @param uri the package's own URL
 * @param fallbackDate `publishedDate` when there are no releases
 */
export function releasePackage(uri: string, publisher: OcdsPublisher, releases: OcdsRelease[], fallbackDate: string) {
  return { uri, version: '1.1', publishedDate: latest(releases, fallbackDate), publisher, releases }
}

/** An OCDS 1.1 record package: per ocid, every release embedded and the compiled release. */
export function recordPackage(uri: string, publisher: OcdsPublisher, records: { ocid: string; releases: OcdsRelease[]; compiledRelease: OcdsRelease }[], fallbackDate: string) {
  return { uri, version: '1.1', publishedDate: latest(records.flatMap((r) => r.releases), fallbackDate), publisher, records }
}
