// A module resolution hook for code run from source (vitest's worker threads, tsx): it adds the
// `saksi-source` export condition, so that `saksi`, `saksi/verify`, ... resolve to the workspace
// package's TypeScript source and not to its build (which may be stale or missing). The worker
// bootstraps register it beside tsx; `npm run bench` passes `--conditions=saksi-source` instead.
export async function resolve(specifier, context, next) {
  return next(specifier, context.conditions.includes('saksi-source') ? context : { ...context, conditions: [...context.conditions, 'saksi-source'] })
}
