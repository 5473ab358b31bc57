import { buildApp } from './app'
import { ConfigError } from './config'

/** Starts the server for `npm start`; exits with a clear message on bad configuration. */
async function main(): Promise<void> {
  let app
  try {
    app = await buildApp()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`)
      process.exit(2)
    }
    throw err
  }
  const { port, host, databaseUrl, dataDir } = app.config
  const close = async () => {
    await app.close()
    process.exit(0)
  }
  process.on('SIGINT', close)
  process.on('SIGTERM', close)
  await app.listen({ port, host })
  const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${dataDir}`
  console.log(
    [
      '',
      `  Service desk is running: http://localhost:${port}/  (API docs: http://localhost:${port}/docs)`,
      `  Storage: ${where}`,
      '  WeChat DevTools: import this folder (project.config.json points at dist/weapp).',
      '  First agent account:  npm run agent:create -- --username alice',
      '',
    ].join('\n'),
  )
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
