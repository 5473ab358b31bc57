import { execFileSync } from 'node:child_process'
import path from 'node:path'

const script = path.resolve(__dirname, '../../scripts/redis-throwaway.sh')

/** A private Redis on a random port for one test file (scripts/redis-throwaway.sh); stop() removes it. */
export function startRedis(): { url: string; stop(): void } {
  const out = execFileSync('bash', [script, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  const url = /^REDIS_URL=(.+)$/m.exec(out)?.[1]
  const dir = /^REDISTHROWAWAY_DIR=(.+)$/m.exec(out)?.[1]
  if (!url || !dir) throw new Error(`redis-throwaway printed no URL: ${out}`)
  return { url, stop: () => execFileSync('bash', [script, 'stop', dir], { stdio: 'inherit' }) }
}
