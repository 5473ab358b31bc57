import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

const AXE_SOURCE = fs.readFileSync(path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8')

/** One axe rule broken on a page, with the elements that break it. */
export interface AxeProblem {
  rule: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Runs axe-core over what the page shows now and returns its serious and critical violations.
 * The engine is evaluated through the DevTools protocol, so the app's Content-Security-Policy
 * (no inline scripts) stays as strict as shoppers get it.
 */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    type Axe = {
      run(
        ctx: Document,
        opts: object,
      ): Promise<{
        violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }>
      }>
    }
    const axe = (window as unknown as { axe: Axe }).axe
    const { violations } = await axe.run(document, { resultTypes: ['violations'] })
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
  })
}

/** Visible controls (buttons, radios, switches, checkboxes, links) smaller than 44×44 CSS px. */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll(
      '[role="button"], [role="radio"], [role="switch"], [role="checkbox"], [role="tab"], [role="link"], taro-button-core',
    )
    return Array.from(controls)
      .filter((el) => {
        const r = el.getBoundingClientRect()
        const style = getComputedStyle(el)
        return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && (r.width < 43.5 || r.height < 43.5)
      })
      .map((el) => {
        const r = el.getBoundingClientRect()
        return `${el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 20)} (${Math.round(r.width)}×${Math.round(r.height)})`
      })
  })
}

/** The computed font size (CSS px) of the care-mode root and of the visible text it holds. */
export async function careModeFontSizes(page: Page): Promise<{ root: number; medianText: number }> {
  return page.evaluate(() => {
    const roots = Array.from(document.querySelectorAll('.care-mode')).filter((el) => el.getBoundingClientRect().height > 0)
    const root = roots[0]
    if (!root) return { root: 0, medianText: 0 }
    const sizes: number[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || !node.textContent?.trim()) continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      sizes.push(parseFloat(getComputedStyle(el).fontSize))
    }
    sizes.sort((a, b) => a - b)
    return { root: parseFloat(getComputedStyle(root).fontSize), medianText: sizes[Math.floor(sizes.length / 2)] ?? 0 }
  })
}
