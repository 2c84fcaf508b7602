/** The welfare service's sections of `npm run bench` (found by `bench/index.ts` through the registry). */
import type { BenchSection } from '../../../../bench/types.js'
import { benchWelfare } from './welfare-bench.js'

/** `npm run bench -- welfare`. */
export const benchSections: BenchSection[] = [{ name: 'welfare', run: benchWelfare }]
