/**
 * Steps of the RFC 9162 verifier loop (sections 2.1.3.2 and 2.1.4.2) from the node numbers
 * (fn, sn) until sn reaches 0; each step consumes one proof hash. The walk does not depend on hash
 * values, so the verifiers know the exact proof length before hashing and can refuse a proof that is
 * too short or too long with a precise code.
 */
export function verifierWalkSteps(fn: number, sn: number): number {
  let steps = 0
  while (sn !== 0) {
    if (fn % 2 === 1 || fn === sn) {
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2)
        sn = Math.floor(sn / 2)
      }
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
    steps++
  }
  return steps
}
