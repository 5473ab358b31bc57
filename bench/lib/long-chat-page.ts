/**
 * In-page probes for the long-chat benchmark, added to the H5 page before its own scripts run.
 * They time from a long-poll response that carries an expected text to the frame after that
 * text is in the DOM (a rAF, then a task: the frame has been painted by then).
 */

// These functions run in Chromium; the bench compiles without the DOM library, so the few browser
// globals they use are declared here, in this module only.
interface AddedNodes {
  addedNodes: ArrayLike<{ textContent: string | null }>
}
declare const MutationObserver: new (cb: (records: AddedNodes[]) => void) => {
  observe(target: unknown, options: { childList: boolean; subtree: boolean; characterData?: boolean }): void
  disconnect(): void
}
declare const requestAnimationFrame: (fn: () => void) => number
declare const MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(v: unknown): void } }
declare const document: { body: unknown }
declare const window: {
  __chatBench: ChatProbe
  fetch: (input: string | { url: string; href?: string }, init?: unknown) => Promise<{ clone(): { text(): Promise<string> } }>
}

/** What the probe keeps on `window.__chatBench`. */
export interface ChatProbe {
  expect: string
  arrivedAt: number
  done: Promise<number> | null
  openedAt: number | null
}

/** Installed with page.addInitScript(probe, openText): records when `openText` is first painted. */
export function probe(openText: string): void {
  const w = window
  const state: ChatProbe = { expect: '', arrivedAt: 0, done: null, openedAt: null }
  w.__chatBench = state
  const afterPaint = (fn: () => void) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = fn
      ch.port2.postMessage(0)
    })
  const original = w.fetch.bind(window)
  w.fetch = async (input, init) => {
    const res = await original(input, init)
    const url = typeof input === 'string' ? input : (input.href ?? input.url)
    if (url.includes('/api/chat/messages') && state.expect) {
      const at = performance.now()
      const wanted = state.expect
      void res
        .clone()
        .text()
        .then((body) => {
          if (body.includes(JSON.stringify(wanted).slice(1, -1))) state.arrivedAt = at
        })
    }
    return res
  }
  const opened = new MutationObserver((records) => {
    for (const r of records)
      for (const n of Array.from(r.addedNodes))
        if (n.textContent?.includes(openText)) {
          opened.disconnect()
          afterPaint(() => (state.openedAt = performance.now()))
          return
        }
  })
  opened.observe(document, { childList: true, subtree: true })
}

/** Run in the page before a message is published: resolves with ms from its arrival to its paint. */
export function arm(text: string): void {
  const state = window.__chatBench
  state.expect = text
  state.arrivedAt = 0
  state.done = new Promise<number>((resolve) => {
    const seen = new MutationObserver((records) => {
      for (const r of records)
        for (const n of Array.from(r.addedNodes))
          if (n.textContent?.includes(text)) {
            seen.disconnect()
            requestAnimationFrame(() => {
              const ch = new MessageChannel()
              ch.port1.onmessage = () => resolve(performance.now() - state.arrivedAt)
              ch.port2.postMessage(0)
            })
            return
          }
    })
    seen.observe(document.body, { childList: true, subtree: true, characterData: true })
  })
}
