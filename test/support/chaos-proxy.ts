import net from 'node:net'
import { seededRandom } from '../../server/lib/seeded-random'

/** What the proxy did to connections so far. */
export interface ChaosStats {
  connections: number
  resetBeforeServer: number
  droppedResponses: number
  upstreamRefused: number
}

/**
 * A TCP proxy in front of the server that misbehaves like a bad mobile network: some
 * connections are reset before the request reaches the server, some lose the response after
 * the server has done the work. `target()` names the current server port (it moves on restart).
 */
export function startChaosProxy(
  target: () => number,
  opts: { seed: number; resetRate: number; dropRate: number },
): Promise<{ port: number; stats: ChaosStats; close(): Promise<void> }> {
  const random = seededRandom(opts.seed)
  const stats: ChaosStats = { connections: 0, resetBeforeServer: 0, droppedResponses: 0, upstreamRefused: 0 }
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    stats.connections++
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => undefined)
    const roll = random()
    if (roll < opts.resetRate) {
      stats.resetBeforeServer++
      client.resetAndDestroy()
      return
    }
    const upstream = net.connect(target(), '127.0.0.1')
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') stats.upstreamRefused++
      client.destroy()
    })
    client.on('close', () => upstream.destroy())
    client.pipe(upstream)
    if (roll < opts.resetRate + opts.dropRate) {
      upstream.once('data', () => {
        stats.droppedResponses++
        client.resetAndDestroy()
        upstream.destroy()
      })
    } else {
      upstream.pipe(client)
      upstream.on('end', () => client.end())
    }
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        stats,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy()
            server.close(() => done())
          }),
      })
    })
  })
}
