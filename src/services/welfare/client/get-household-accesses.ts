import type { SaksiClient } from 'saksi/client'
import { welfareAnswer, type HouseholdParameters, type WelfareAnswer, type WelfareAnswerErrorType } from './welfare-answer.js'

/** Parameters of {@link getHouseholdAccesses}. */
export type GetHouseholdAccessesParameters = HouseholdParameters

/** What {@link getHouseholdAccesses} returns. */
export type GetHouseholdAccessesReturnType = WelfareAnswer

/** What {@link getHouseholdAccesses} throws. */
export type GetHouseholdAccessesErrorType = WelfareAnswerErrorType

/** `GET /v1/welfare/programmes/{programme}/households/{household}/accesses`: who read the household's personal data, when and why. For its applicant and the agency's welfare officials: give a client `withSession` (401 `AUTH_REQUIRED` without, 403 `ACCESS_DENIED` for another key). */
export async function getHouseholdAccesses(client: SaksiClient, { programme, household }: GetHouseholdAccessesParameters): Promise<GetHouseholdAccessesReturnType> {
  return welfareAnswer(client, programme, 'households', household, 'accesses')
}
