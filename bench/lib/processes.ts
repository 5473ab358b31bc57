import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import type { Config } from '../../server/config'

/** A server child process the runner loads over loopback. */
export interface ServerProcess {
  url: string
  /** Resident memory of the server process, in bytes (after a garbage collection). */
  rss(): Promise<number>
  /** Creates shoppers with live sessions; returns their bearer tokens. */
  shoppers(count: number): Promise<string[]>
  /** Long-poll registrations waiting on the chat event bus. */
  listeners(): Promise<number>
  close(): Promise<void>
}

type Answer = { id: number; value?: unknown; error?: string }

/** Starts `bench/lib/server-child.ts` in `mode` (the app with config overrides, or a baseline). */
export async function startServer(
  mode: 'app' | 'bare' | 'echo',
  config: Partial<Config> = {},
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  const child: ChildProcess = fork(path.join(__dirname, 'server-child.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=2048'],
    env: { ...process.env, ...env, BENCH_MODE: mode, BENCH_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)))
    child.on('message', (m: { ready?: string }) => m.ready && resolve(m.ready))
  })
  child.removeAllListeners('exit')
  child.once('exit', (code, signal) => {
    const err = new Error(`bench server (${mode}) stopped unexpectedly: ${signal ?? `exit ${code}`}`)
    for (const p of pending.values()) p.reject(err)
    pending.clear()
    crashed = err
  })
  let crashed: Error | null = null
  let next = 0
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  child.on('message', (m: Answer) => {
    const p = pending.get(m.id)
    if (!p) return
    pending.delete(m.id)
    if (m.error) p.reject(new Error(m.error))
    else p.resolve(m.value)
  })
  const ask = <T>(msg: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      if (crashed) return reject(crashed)
      const id = ++next
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      child.send({ ...msg, id })
    })
  return {
    url,
    rss: async () => {
      await ask({ type: 'gc' })
      return ask<number>({ type: 'rss' })
    },
    shoppers: (count) => ask<string[]>({ type: 'shoppers', count }),
    listeners: () => ask<number>({ type: 'listeners' }),
    close: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit')
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
