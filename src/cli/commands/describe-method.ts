import { CURRENT_RULES, describeMethods, type Contract } from 'saksi'
import { CliError } from '../cli-error.js'

/**
 * What `saksi tx --describe contract.method` prints: what the method does, who may call it, and
 * its arguments as JSON Schema (the schema the node checks `tx.args` against under the current
 * rules), with enumerations such as evidence kinds spelled out.
 * @param contracts the installed contracts
 * @param name `contract.method`
 * @throws CliError for a name no installed contract has, listing what there is
 */
export function describeMethod(contracts: readonly Contract[], name: string): string {
  const all = describeMethods(contracts, CURRENT_RULES)
  const m = all.find((d) => d.name === name)
  if (!m) {
    const [contract] = name.split('.')
    const same = all.filter((d) => d.contract === contract).map((d) => d.name)
    const list = same.length > 0 ? same : [...new Set(all.map((d) => d.contract))]
    throw new CliError({
      en: `no method ${name}; ${same.length > 0 ? 'the methods of ' + contract + ' are' : 'the contracts are'}: ${list.join(', ')}`,
      id: `tidak ada metode ${name}; ${same.length > 0 ? 'metode ' + contract + ' adalah' : 'kontraknya adalah'}: ${list.join(', ')}`,
    })
  }
  return [
    m.name,
    ...(m.description ? [`  ${m.description}`] : []),
    `  who may call it: ${m.allow}`,
    ...(m.sealedArgs ? ['  sealed: a call that would fail is refused at admission, never logged'] : []),
    ...(m.longNumbers ? [`  long numbers allowed in: ${m.longNumbers.join(', ')}`] : []),
    '  arguments (JSON Schema):',
    JSON.stringify(m.args, null, 2).replace(/^/gm, '  '),
    '',
  ].join('\n')
}
