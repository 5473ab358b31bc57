import crypto from 'node:crypto'
import { loadConfig } from '../config'
import { openDatabase } from '../db/database'
import { migrateToLatest } from '../db/migrate'
import { findUserBy, insertUser } from '../features/auth/auth.repository'
import { generatePassword, hashPassword } from '../features/auth/passwords'

/** `npm run agent:create -- --username U [--name 显示名]`: creates an agent and prints a one-time password. */
async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const arg = (name: string) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? args[i + 1] : undefined
  }
  const username = arg('username')
  if (!username || !/^[A-Za-z0-9_.-]{2,64}$/.test(username)) {
    console.error('Usage: npm run agent:create -- --username <2-64 letters, digits, _ . -> [--name <display name>]')
    process.exit(2)
  }
  const config = loadConfig()
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    await migrateToLatest(handle.db)
    if (await findUserBy(handle.db, 'username', username)) {
      console.error(`An account named "${username}" already exists.`)
      process.exit(1)
    }
    const password = generatePassword()
    await insertUser(handle.db, {
      id: crypto.randomUUID(),
      role: 'agent',
      display_name: arg('name') ?? username,
      openid: null,
      device_id: null,
      username,
      password_hash: await hashPassword(password),
      created_at: new Date().toISOString(),
    })
    console.log(
      `Agent "${username}" created.\nOne-time password: ${password}\nSign in at /#/pages/agent/login/index and keep it safe; it is not shown again.`,
    )
  } finally {
    await handle.close()
  }
}

void main()
