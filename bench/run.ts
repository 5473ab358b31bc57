/**
 * `npm run bench`: throughput and latency of the server as RATIOS to baselines measured in the
 * same run on the same machine (loopback only, about 40 s), and the weapp package sizes against
 * WeChat's limits. Absolute numbers vary between machines; the ratios are what to compare.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import { buildApp } from '../server/app'
import { loadCorpus, loadIntents } from '../server/features/chat/bot/bot-data'
import { corpusMessages, evaluate } from '../server/features/chat/bot/evaluation'
import { split } from '../server/features/chat/bot/training'
import { meanMs, measureRps, type Load } from './http-load'
import { MAIN_LIMIT, SUB_LIMIT, TOTAL_LIMIT, weappSizes } from './weapp-size'

const SECONDS = 2
const ROUNDS = 3
const UPLOAD_BYTES = 200 * 1024
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const pct = (n: number) => `${(n * 100).toFixed(0)} %`

function median(loads: Load[]): Load {
  return [...loads].sort((a, b) => a.rps - b.rps)[Math.floor(loads.length / 2)]
}

async function helloWorld(): Promise<{ url: string; close: () => Promise<void> }> {
  const bare = Fastify({ logger: false })
  bare.get('/', async () => ({ hello: 'world' }))
  const url = await bare.listen({ port: 0, host: '127.0.0.1' })
  return { url, close: () => bare.close() }
}

/** A plain HTTP server that answers a POST with the bytes it received: the floor for an upload. */
async function echoServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.concat(chunks)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))) }
}

/** JPEG magic bytes followed by noise, so the server stores it as an image. */
function fakeJpeg(size: number): Buffer {
  const b = Buffer.alloc(size)
  for (let i = 0; i < size; i++) b[i] = (i * 2654435761) >>> 24
  b.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 0)
  return b
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-'))
  const app = await buildApp({
    config: {
      dataDir,
      databaseUrl: null,
      logLevel: 'silent',
      rateLimitMax: 10_000_000,
      notifyPollMs: 0,
      h5Dir: path.join(dataDir, 'no-h5'),
    },
    logger: false,
  })
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  const guest = await fetch(`${base}/api/auth/guest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: 'bench-device-0001' }),
  }).then((r) => r.json() as Promise<{ token: string }>)
  const auth = { authorization: `Bearer ${guest.token}` }

  console.log(`Benchmarks on ${os.cpus().length} CPU(s), Node ${process.version}, SQLite, loopback\n`)
  const hello = await helloWorld()
  // Interleaved rounds and medians, so load from other processes weighs on every side alike.
  const rounds: Array<[Load, Load, Load]> = []
  for (let i = 0; i < ROUNDS; i++) {
    rounds.push([
      await measureRps(hello.url, SECONDS),
      await measureRps(`${base}/healthz`, SECONDS),
      await measureRps(`${base}/api/auth/me`, SECONDS, auth),
    ])
  }
  await hello.close()
  const [bare, health, me] = [0, 1, 2].map((k) => median(rounds.map((r) => r[k])))
  console.log(`(a) Requests per second (10 keep-alive connections; median of ${ROUNDS} interleaved rounds)`)
  console.log(`    bare Fastify hello-world  ${bare.rps.toFixed(0).padStart(7)} req/s  p99 ${bare.p99Ms} ms`)
  console.log(
    `    GET /healthz              ${health.rps.toFixed(0).padStart(7)} req/s  p99 ${health.p99Ms} ms  ratio ${pct(health.rps / bare.rps)}`,
  )
  console.log(`    GET /api/auth/me (token)  ${me.rps.toFixed(0).padStart(7)} req/s  p99 ${me.p99Ms} ms  ratio ${pct(me.rps / bare.rps)}`)
  if (health.failed + me.failed + bare.failed > 0) console.log(`    ! ${health.failed + me.failed + bare.failed} failed requests`)

  const image = fakeJpeg(UPLOAD_BYTES)
  const echo = await echoServer()
  const plain = await meanMs(async () => {
    const res = await fetch(echo.url, { method: 'POST', body: image })
    await res.arrayBuffer()
  }, 4000)
  await echo.close()
  const upload = await meanMs(async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'bench.jpg')
    const created = (await fetch(`${base}/api/uploads`, { method: 'POST', body: form, headers: auth }).then((r) => r.json())) as {
      url: string
    }
    const back = await fetch(`${base}${created.url}`)
    if ((await back.arrayBuffer()).byteLength !== UPLOAD_BYTES) throw new Error('upload round trip returned other bytes')
  }, 4000)
  console.log(`\n(b) ${kb(UPLOAD_BYTES)} image round trip (upload, then download)`)
  console.log(`    plain HTTP echo of the same bytes  ${plain.meanMs.toFixed(2).padStart(7)} ms  (${plain.runs} runs)`)
  console.log(
    `    POST /api/uploads + GET its url    ${upload.meanMs.toFixed(2).padStart(7)} ms  (${upload.runs} runs)  ratio ${(upload.meanMs / plain.meanMs).toFixed(1)}×`,
  )

  app.server.closeAllConnections()
  await app.close()
  fs.rmSync(dataDir, { recursive: true, force: true })

  const sizes = weappSizes(path.resolve(__dirname, '..', 'dist', 'weapp'))
  botTimes()
  console.log('\n(c) Mini-program package sizes (dist/weapp, source maps excluded)')
  if (!sizes) {
    console.log('    dist/weapp is missing: run `npm run build:weapp` first, then `npm run bench` again.')
    return
  }
  console.log(`    main package   ${kb(sizes.main).padStart(10)}  ${pct(sizes.main / MAIN_LIMIT)} of the 2 MB limit`)
  for (const s of sizes.subpackages) console.log(`    ${s.root.padEnd(14)} ${kb(s.size).padStart(10)}  ${pct(s.size / SUB_LIMIT)} of 2 MB`)
  console.log(`    total          ${kb(sizes.total).padStart(10)}  ${pct(sizes.total / TOTAL_LIMIT)} of the 20 MB limit`)
}

/** The service bot's answer time over its own held-out messages (the goal is p99 ≤ 20 ms). */
function botTimes(): void {
  const { heldOut } = split(loadCorpus())
  const messages = corpusMessages(heldOut, loadIntents())
  // Three passes; the median pass is reported so one noisy neighbour does not decide.
  const runs = [0, 1, 2].map(() => evaluate(messages)).sort((a, b) => a.p99Ms - b.p99Ms)
  const r = runs[1]!
  console.log(`\n(b2) Service bot answer time (${messages.length} held-out messages, median of 3 passes)`)
  console.log(`    p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
