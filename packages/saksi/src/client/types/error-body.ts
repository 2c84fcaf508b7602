/** The protocol's error body (PROTOCOL section 7); a duplicate also carries `txId` at the top level. */
export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> }
  txId?: string
}
