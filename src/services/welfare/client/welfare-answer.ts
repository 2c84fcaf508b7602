import type { JsonValue } from 'saksi'
import { serviceAnswer, type RequestErrorType, type SaksiClient } from 'saksi/client'

/**
 * The answer of a readable welfare path, `/v1/welfare/programmes/...`. The API documents these as
 * any JSON: the welfare views will type them.
 */
export type WelfareAnswer = JsonValue

/** What the readable welfare paths throw: 404 `NOT_FOUND` when there is nothing, 400 for an id of the wrong form. */
export type WelfareAnswerErrorType = RequestErrorType

/** Parameters naming a programme. */
export interface ProgrammeParameters {
  /** A programme id, e.g. `dinsos.pkh`. */
  programme: string
}

/** Parameters naming a programme and a period. */
export interface PeriodParameters extends ProgrammeParameters {
  /** A period, e.g. `2026-Q4` or `2026-11`. */
  period: string
}

/** Parameters naming a household of a programme. */
export interface HouseholdParameters extends ProgrammeParameters {
  /** A household id, `hh-` and 20 hex digits. */
  household: string
}

/**
 * `GET /v1/welfare/programmes/{segments...}`.
 * @param segments path segments after `programmes`, each encoded
 */
export async function welfareAnswer(client: SaksiClient, ...segments: string[]): Promise<WelfareAnswer> {
  return serviceAnswer(client, '/v1/welfare/programmes', ...segments)
}
