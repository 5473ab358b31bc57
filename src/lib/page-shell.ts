import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { onLocaleChange, t, useLocale, type MessageKey } from './i18n'
import { isH5 } from './platform'

const TAB_LABELS: MessageKey[] = ['tabBar.help', 'tabBar.chat', 'tabBar.tickets']

const quiet = (p: Promise<unknown> | undefined) => void p?.catch?.(() => undefined)

function setLabels(): void {
  TAB_LABELS.forEach((key, index) => {
    try {
      quiet(Taro.setTabBarItem({ index, text: t(key) }))
    } catch {
      // No tab bar on this page (a subpackage page): the next tab page sets it.
    }
  })
}

// H5 draws its tab bar from the app config and may mount it after the page shows, dropping an
// earlier relabel: check the drawn labels for a while and relabel until they match.
function settleH5Labels(framesLeft = 300): void {
  if (typeof document === 'undefined' || typeof requestAnimationFrame === 'undefined') return
  requestAnimationFrame(() => {
    const bar = document.querySelector('.taro-tabbar__tabbar')
    const want = t(TAB_LABELS[0])
    if (bar?.textContent?.includes(want)) return
    if (bar) setLabels()
    if (framesLeft > 0) settleH5Labels(framesLeft - 1)
  })
}

/** Puts the tab bar labels in the active language (the app config can hold only one). */
export function applyTabBarLabels(): void {
  setLabels()
  if (isH5) settleH5Labels()
}

/**
 * The page's title and the tab bar in the active language, on show and whenever the language
 * changes; re-renders the page on a switch. Returns the active locale.
 */
export function usePageShell(titleKey: MessageKey, tabPage = false) {
  const locale = useLocale()
  const apply = () => {
    try {
      quiet(Taro.setNavigationBarTitle({ title: t(titleKey) }))
    } catch {
      // Title APIs are missing in some test and browser shells; the config title stays.
    }
    if (tabPage) applyTabBarLabels()
  }
  useDidShow(apply)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- re-apply only when the language changes
  useEffect(() => onLocaleChange(apply), [])
  return locale
}
