import { describeMethods, rulesVersion, type Contract } from 'saksi'

/**
 * The arguments of every method of the served contracts as OpenAPI component schemas, one per
 * `contract.method` (e.g. `#/components/schemas/welfare.verifyHousehold`), derived from the
 * contracts' own zod schemas under the network's rules: what `POST /v1/tx` checks `tx.args`
 * against. Each says what the method does and who may call it.
 * @param contracts the served contracts
 * @param rules the genesis document's `rules` (absent: 1)
 */
export function methodSchemas(contracts: readonly Contract[], rules: number | undefined): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    describeMethods(contracts, rulesVersion(rules)).map((m) => [
      m.name,
      {
        ...m.args,
        title: `${m.name} args`,
        description: `${m.description ?? m.name} Who may call it: ${m.allow}.${m.sealedArgs ? ' Sealed: a call that would fail is refused at admission, never logged.' : ''}`,
        ...(m.longNumbers ? { 'x-saksi-long-numbers': m.longNumbers } : {}),
      },
    ]),
  )
}
