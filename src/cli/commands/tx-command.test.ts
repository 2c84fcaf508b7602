import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bufferIo } from '../cli-io.js'
import { runSaksi as runCli } from '../../saksi.js'
import { serveTestNode, type TestNode } from '../testing/serve-test-node.js'

let node: TestNode
beforeAll(async () => {
  node = await serveTestNode('saksi-tx-')
}, 30_000)
afterAll(() => node.close())

async function saksi(...args: string[]) {
  const io = bufferIo()
  const code = await runCli(args, io)
  return { code, out: io.stdout(), err: io.stderr() }
}

async function newKey(name: string): Promise<{ file: string; did: string }> {
  const file = join(node.root, `${name}.pem`)
  return { file, did: (await saksi('keys', 'new', '--out', file)).out.trim() }
}

const tx = (key: string, method: string, args: object, ...more: string[]) => saksi('tx', '--key', key, '--contract', 'identity', '--method', method, '--args', JSON.stringify(args), '--node', node.url, ...more)

async function logSize(): Promise<number> {
  return ((await (await fetch(`${node.url}/v1/health`)).json()) as { size: number }).size
}

describe('saksi tx', () => {
  describe('when the call would fail on a role', () => {
    it('does not send it, and says which role in which organisation it needs and what the key holds', async () => {
      const stranger = await newKey('stranger')
      expect((await tx(stranger.file, 'register', {}, '--wait')).code).toBe(0)
      const before = await logSize()
      const r = await tx(stranger.file, 'addMember', { org: 'dukcapil', did: stranger.did, roles: ['identity.verifier'] }, '--wait')
      expect(r.code).toBe(1)
      expect(JSON.parse(r.out)).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED', simulated: true, explanation: { needs: [{ role: 'identity.admin', org: 'dukcapil' }], has: [] } })
      expect(r.err).toContain('saksi: not sent: it would fail: ACCESS_DENIED: the caller is not an admin of organisation "dukcapil"')
      expect(r.err).toContain('needs `identity.admin` of `dukcapil`; this key holds no role')
      expect(r.err).toContain('--force')
      expect(await logSize()).toBe(before)
    })
  })

  describe('when --force is given', () => {
    it('sends the call the simulation refused, and it is committed as failed (exit 3)', async () => {
      const stranger = await newKey('forced')
      expect((await tx(stranger.file, 'register', {}, '--wait')).code).toBe(0)
      const before = await logSize()
      const r = await tx(stranger.file, 'addMember', { org: 'dukcapil', did: stranger.did, roles: ['identity.verifier'] }, '--wait', '--force')
      expect(r.code).toBe(3)
      expect(JSON.parse(r.out)).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED' })
      expect(JSON.parse(r.out).explanation).toBeUndefined()
      expect(await logSize()).toBe(before + 1)
    })
  })

  describe('when --dry-run is given', () => {
    it('prints the would-be receipt and sends nothing', async () => {
      const citizen = await newKey('dry')
      const before = await logSize()
      const r = await tx(citizen.file, 'register', { name: 'Siti Rahayu' }, '--dry-run')
      expect(r.code).toBe(0)
      expect(JSON.parse(r.out)).toMatchObject({ status: 'ok', simulated: true, index: before, events: [{ type: 'identity.Registered' }] })
      expect(await logSize()).toBe(before)
    })
    it('exits 1 with the reason for a call that would fail, and refuses --force with it', async () => {
      const citizen = await newKey('dry-fail')
      expect((await tx(citizen.file, 'register', {}, '--wait')).code).toBe(0)
      const r = await tx(citizen.file, 'verifyCitizen', { did: citizen.did, evidence: { method: 'dukcapil' } }, '--dry-run')
      expect(r.code).toBe(1)
      expect(r.err).toContain('saksi: it would fail: ACCESS_DENIED')
      expect(r.err).toContain('needs `identity.verifier` of any organisation')
      expect((await tx(citizen.file, 'register', {}, '--dry-run', '--force')).code).toBe(2)
    })
  })

  describe('when the envelope is refused at the door', () => {
    it('prints the error body the node gives and sends nothing (exit 1)', async () => {
      const citizen = await newKey('nik')
      const r = await tx(citizen.file, 'register', { name: '3201234567890123' })
      expect(r.code).toBe(1)
      expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'ARGS_PERSONAL_DATA' } })
      expect(r.err).toContain('ARGS_PERSONAL_DATA')
    })
  })
})

describe('saksi tx --describe', () => {
  describe('when the method exists', () => {
    it("prints what it does, who may call it and its arguments' schema with their enumerations, without a key or a node", async () => {
      const r = await saksi('tx', '--describe', 'welfare.verifyHousehold')
      expect(r.code).toBe(0)
      expect(r.out).toContain('welfare.verifyHousehold')
      expect(r.out).toContain('who may call it: welfare.verifier')
      const schema = JSON.parse(r.out.slice(r.out.indexOf('{'))) as { required: string[]; properties: { evidence: { properties: { method: { enum: string[] } } } } }
      expect(schema.required).toEqual(['programme', 'household', 'evidence'])
      expect(schema.properties.evidence.properties.method.enum).toEqual(['dukcapil', 'documents', 'home-visit'])
    })
  })

  describe('when the method does not exist', () => {
    it("exits 2 and lists the contract's methods", async () => {
      const r = await saksi('tx', '--describe', 'welfare.verifyHousehld')
      expect(r.code).toBe(2)
      expect(r.err).toContain('no method welfare.verifyHousehld; the methods of welfare are: welfare.createProgramme')
    })
  })

  describe('when neither --describe nor the call is given', () => {
    it('says which option is missing', async () => {
      const r = await saksi('tx', '--contract', 'identity', '--method', 'register')
      expect(r.code).toBe(2)
      expect(r.err).toContain("required option '--key' not specified")
    })
  })
})
