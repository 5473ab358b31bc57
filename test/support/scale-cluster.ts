import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { freePort, killHard, startServerProcess } from './server-process'
import { startRedis } from './redis-throwaway'

const root = path.resolve(__dirname, '../..')

export interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  json<T = Record<string, unknown>>(): T
}

/** One request on its own connection; `body` is sent as JSON unless it is a Buffer. */
export function send(
  port: number,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
  timeoutMs = 60_000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const raw = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body))
    const type = raw && !Buffer.isBuffer(body) ? { 'content-type': 'application/json' } : {}
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        agent: false,
        timeout: timeoutMs,
        headers: { ...type, ...headers, ...(raw ? { 'content-length': String(raw.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const data = Buffer.concat(chunks)
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data, json: () => JSON.parse(data.toString('utf8')) })
        })
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end(raw)
  })
}

function startPostgres(): { url: string; stop(): void } {
  const script = path.join(root, 'scripts/pg-throwaway.sh')
  const out = execFileSync('bash', [script, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  const url = /^DATABASE_URL=(.+)$/m.exec(out)?.[1]
  const dir = /^PGTHROWAWAY_DIR=(.+)$/m.exec(out)?.[1]
  if (!url || !dir) throw new Error(`pg-throwaway printed no URL: ${out}`)
  return { url, stop: () => execFileSync('bash', [script, 'stop', dir], { stdio: 'inherit' }) }
}

/** deploy/nginx.conf.template with its placeholders filled in. */
export function renderNginxSite(upstreamPorts: number[], listenPort: number): string {
  const template = fs.readFileSync(path.join(root, 'deploy/nginx.conf.template'), 'utf8')
  const servers = upstreamPorts.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n    ')
  return template
    .replace('@@UPSTREAM_SERVERS@@', servers)
    .replace('@@LISTEN@@', `127.0.0.1:${listenPort}`)
    .replace('@@SERVER_NAME@@', 'localhost')
}

async function startNginx(dir: string, upstreamPorts: number[]): Promise<{ port: number; child: ChildProcess }> {
  const nginx = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx'
  for (let attempt = 0; ; attempt++) {
    const port = await freePort()
    fs.writeFileSync(path.join(dir, 'service-desk.conf'), renderNginxSite(upstreamPorts, port))
    const temp = ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t === 'body' ? 'client_body' : t}_temp_path ${dir}/${t};`)
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        // As root the workers would otherwise run as nobody and could not write the temp dirs.
        process.getuid?.() === 0 ? 'user root;' : '',
        'worker_processes 1;',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log warn;`,
        'events { worker_connections 1024; }',
        `http { access_log off; ${temp.join(' ')} include ${dir}/service-desk.conf; }`,
      ].join('\n'),
    )
    const child = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
    for (let turn = 0; child.exitCode === null; turn++) {
      try {
        if ((await send(port, 'GET', '/healthz')).status === 200) return { port, child }
      } catch {
        // Not listening yet.
      }
      if (turn > 400) throw new Error(`nginx did not come up: ${stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    // Only a port taken between the probe and the bind is worth another try.
    if (attempt > 4 || !stderr.includes('Address already in use')) throw new Error(`nginx exited: ${stderr}`)
  }
}

export interface Cluster {
  nginxPort: number
  instances: { port: number; child: ChildProcess }[]
  databaseUrl: string
  redisUrl: string
  redisPrefix: string
  stop(): Promise<void>
}

/**
 * nginx (deploy/nginx.conf.template) in front of `count` real servers on one throwaway PostgreSQL
 * and one throwaway Redis, uploads in the database; each instance has its own empty DATA_DIR.
 */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-scale-'))
  const pg = startPostgres()
  const redis = startRedis()
  const instances: Cluster['instances'] = []
  let nginx: { port: number; child: ChildProcess } | null = null
  const stop = async () => {
    if (nginx && nginx.child.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.child.once('exit', resolve))
      nginx.child.kill('SIGTERM')
      await exited
    }
    await Promise.all(instances.map((i) => killHard(i.child)))
    redis.stop()
    pg.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    const redisPrefix = 'scale:'
    const envOf = (n: number): Record<string, string> => {
      const dataDir = path.join(dir, `instance-${n}`)
      fs.mkdirSync(dataDir, { recursive: true })
      return {
        DATABASE_URL: pg.url,
        REDIS_URL: redis.url,
        REDIS_PREFIX: redisPrefix,
        UPLOAD_STORAGE: 'database',
        TRUST_PROXY: '127.0.0.1',
        DATA_DIR: dataDir,
        H5_DIR: path.join(dir, 'no-h5-build'),
        LOG_LEVEL: 'silent',
        NOTIFY_POLL_MS: '0',
        TICKET_SWEEP_SECONDS: '0',
        CLEANUP_SWEEP_SECONDS: '0',
        ...env,
      }
    }
    // The first one migrates the empty database; the others then start side by side.
    const first = await freePort()
    instances.push({ port: first, child: await startServerProcess(first, envOf(1)) })
    const rest = await Promise.all(
      Array.from({ length: count - 1 }, async (_v, i) => {
        const port = await freePort()
        return { port, child: await startServerProcess(port, envOf(i + 2)) }
      }),
    )
    instances.push(...rest)
    nginx = await startNginx(
      dir,
      instances.map((i) => i.port),
    )
    return { nginxPort: nginx.port, instances, databaseUrl: pg.url, redisUrl: redis.url, redisPrefix, stop }
  } catch (err) {
    await stop()
    throw err
  }
}
