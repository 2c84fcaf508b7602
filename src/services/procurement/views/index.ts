/** Browser-safe views of procurement: the answers' shapes, words and formatting, and the OCDS 1.1 releases built from a process. */
export { recordPackage, releasePackage } from './ocds/ocds-packages.js'
export { compiledRelease, ocidOf, processReleases, type OcdsNames, type ProcessView } from './ocds/ocds-releases.js'
