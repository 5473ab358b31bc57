/**
 * A second server process for crash tests: builds the app from the JSON in NOTIFY_CHILD_OPTIONS
 * and runs one delivery pass. The test kills it with SIGKILL mid-send.
 */
import { buildApp, type BuildOptions } from '../../server/app'

async function main(): Promise<void> {
  const options = JSON.parse(process.env.NOTIFY_CHILD_OPTIONS ?? '{}') as BuildOptions
  const app = await buildApp({ ...options, logger: false })
  await app.notifications.runOnce()
  await app.close()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
