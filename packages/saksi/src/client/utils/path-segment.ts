/** A value as one path segment: `encodeURIComponent`, so that an id can never change the path. */
export function pathSegment(value: string | number): string {
  return encodeURIComponent(String(value))
}
