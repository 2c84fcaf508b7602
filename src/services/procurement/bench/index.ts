/** The procurement service's sections of `npm run bench` (found by `bench/index.ts` through the registry). */
import type { BenchSection } from '../../../../bench/types.js'
import { benchProcurement } from './procurement-bench.js'

/** `npm run bench -- procurement`. */
export const benchSections: BenchSection[] = [{ name: 'procurement', run: benchProcurement }]
