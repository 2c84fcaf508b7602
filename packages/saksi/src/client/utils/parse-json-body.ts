/**
 * Parses an answer body as JSON, leniently: for reading a node's answers and claims, never for
 * anything security-relevant (the verifier re-checks bytes strictly).
 * @returns the value, or `undefined` when the body is not JSON
 */
export function parseJsonBody(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body))
  } catch {
    return undefined
  }
}
