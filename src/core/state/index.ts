/** Contract state: the storage interface drivers implement, an in-memory store and overlays. */
export { STATE_KEY_MAX_LENGTH, assertStateKey, isKeyBound, isStateKey } from './state-key.js'
export { keyInRange, toKeyRange, type KeyRange, type RangeOptions } from './key-range.js'
export type { StateEntry, StateStore, StateWrite } from './state-store.js'
export { SortedKeyMap } from './sorted-key-map.js'
export { MemoryStateStore } from './memory-state-store.js'
export { StateOverlay } from './state-overlay.js'
export { freezeJson, snapshotJson } from './json-snapshot.js'
