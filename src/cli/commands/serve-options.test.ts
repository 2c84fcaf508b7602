import { Command } from 'commander'
import { afterEach, describe, expect, it } from 'vitest'
import { addServeOptions, type ServeOptions } from './serve-options.js'

const saved = { PORT: process.env.PORT, SAKSI_HOST: process.env.SAKSI_HOST, SAKSI_PUBLIC_URL: process.env.SAKSI_PUBLIC_URL }

function parse(args: string[], env: Partial<Record<keyof typeof saved, string>> = {}): ServeOptions {
  for (const k of Object.keys(saved) as (keyof typeof saved)[]) {
    if (env[k] === undefined) delete process.env[k]
    else process.env[k] = env[k]
  }
  const command = addServeOptions(new Command('serve')).exitOverride().configureOutput({ writeErr: () => {} })
  command.parse(args, { from: 'user' })
  return command.opts<ServeOptions>()
}

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
})

describe('addServeOptions', () => {
  describe('when nothing is given', () => {
    it('listens on 127.0.0.1:8080 with no public URL', () => {
      expect(parse([])).toEqual({ port: 8080, host: '127.0.0.1' })
    })
  })

  describe('when PORT, SAKSI_HOST and SAKSI_PUBLIC_URL are set', () => {
    it('takes them, and a flag wins over its variable', () => {
      expect(parse([], { PORT: '9090', SAKSI_HOST: '0.0.0.0', SAKSI_PUBLIC_URL: 'https://saksi.kota-uji.go.id/' })).toEqual({ port: 9090, host: '0.0.0.0', publicUrl: 'https://saksi.kota-uji.go.id' })
      expect(parse(['--port', '7070', '--host', '10.0.0.5'], { PORT: '9090', SAKSI_HOST: '0.0.0.0' })).toMatchObject({ port: 7070, host: '10.0.0.5' })
    })
  })

  describe('when a value is malformed', () => {
    it('refuses a port out of range, from the flag or the variable, and a public URL that is not http(s)', () => {
      expect(() => parse(['--port', '70000'])).toThrow(/must be an integer from 0 to 65535/)
      expect(() => parse([], { PORT: 'http' })).toThrow(/must be an integer from 0 to 65535/)
      expect(() => parse(['--public-url', 'ftp://x.example'])).toThrow(/must be an http or https URL/)
      expect(() => parse(['--public-url', 'not a url'])).toThrow(/is not a URL/)
    })
  })
})
