// The few parts of cli-progress 3.x that Saksi uses (the package ships no types).
declare module 'cli-progress' {
  interface BarOptions {
    format?: string
    stream?: NodeJS.WritableStream
    hideCursor?: boolean
    clearOnComplete?: boolean
    etaBuffer?: number
    fps?: number
  }
  class SingleBar {
    constructor(options: BarOptions, preset?: unknown)
    start(total: number, startValue: number, payload?: Record<string, unknown>): void
    update(value: number, payload?: Record<string, unknown>): void
    setTotal(total: number): void
    stop(): void
  }
  const Presets: { shades_classic: unknown; legacy: unknown }
  export { SingleBar, Presets, type BarOptions }
  const cliProgress: { SingleBar: typeof SingleBar; Presets: typeof Presets }
  export default cliProgress
}
