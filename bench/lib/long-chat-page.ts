/**
 * In-page probes for the long-chat benchmark, added to the H5 page before its own scripts run.
 * They time from a long-poll response that carries an expected text to the frame after that
 * text is in the DOM (a rAF, then a task: the frame has been painted by then).
 */

// These functions run in Chromium; the bench compiles without the DOM library, so the few browser
// globals they use are declared here, in this module only.
interface PageNode {
  textContent: string | null
  childElementCount?: number
}
interface AddedNodes {
  target: PageNode
  addedNodes: ArrayLike<PageNode>
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
  // Whether a DOM change put `text` on the page: an added subtree holding it, or text set into a
  // leaf (Taro's H5 Text fills its content after the row is inserted). Never reads a large subtree.
  // (Defined here: Playwright sends only this function's source to the page.)
  const shows = (records: AddedNodes[], text: string) =>
    records.some(
      (r) =>
        (!r.target.childElementCount && !!r.target.textContent?.includes(text)) ||
        Array.from(r.addedNodes).some((n) => !!n.textContent?.includes(text)),
    )
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
    if (!shows(records, openText)) return
    opened.disconnect()
    afterPaint(() => (state.openedAt = performance.now()))
  })
  opened.observe(document, { childList: true, subtree: true, characterData: true })
}

/** Run in the page before a message is published: resolves with ms from its arrival to its paint. */
export function arm(text: string): void {
  // Whether a DOM change put `text` on the page: an added subtree holding it, or text set into a
  // leaf (Taro's H5 Text fills its content after the row is inserted). Never reads a large subtree.
  // (Defined here: Playwright sends only this function's source to the page.)
  const shows = (records: AddedNodes[], wanted: string) =>
    records.some(
      (r) =>
        (!r.target.childElementCount && !!r.target.textContent?.includes(wanted)) ||
        Array.from(r.addedNodes).some((n) => !!n.textContent?.includes(wanted)),
    )
  const state = window.__chatBench
  state.expect = text
  state.arrivedAt = 0
  state.done = new Promise<number>((resolve) => {
    const seen = new MutationObserver((records) => {
      if (!shows(records, text)) return
      seen.disconnect()
      requestAnimationFrame(() => {
        const ch = new MessageChannel()
        ch.port1.onmessage = () => resolve(performance.now() - state.arrivedAt)
        ch.port2.postMessage(0)
      })
    })
    seen.observe(document.body, { childList: true, subtree: true, characterData: true })
  })
}
