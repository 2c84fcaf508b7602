import type { FollowerShutdown } from './follower-set.js'

/**
 * Lines for the operator about followers that did not end cleanly at shutdown (none when every
 * follower reached the head and stopped).
 * @param ended what `FollowerSet.shutdown` answered
 */
export function describeFollowerShutdown(ended: readonly FollowerShutdown[]): string[] {
  return ended.flatMap((f) => {
    if (f.error !== undefined) return [`follower ${f.name} failed to stop (${f.error instanceof Error ? f.error.message : String(f.error)}); it resumes from the cursor it saved last`]
    if (!f.stopped) return [`follower ${f.name} did not stop in time; it resumes from the cursor it saved last`]
    if (!f.reachedHead) return [`follower ${f.name} stopped at log index ${f.nextIndex} of ${f.head}; it processes the rest at the next start`]
    return []
  })
}
