import type { FastifyInstance } from 'fastify'

/** Runs `job` every `seconds` (0 = never) until the app closes; failures are logged, not thrown. */
export function every(app: FastifyInstance, seconds: number, name: string, job: () => Promise<unknown>): void {
  if (seconds <= 0) return
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    job()
      .catch((err: unknown) => app.log.error({ err }, `${name} failed`))
      .finally(() => {
        running = false
      })
  }, seconds * 1000)
  timer.unref()
  app.addHook('onClose', async () => clearInterval(timer))
}
