import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { i18n } from '@lingui/core'
import { compileMessage } from '@lingui/message-utils/compileMessage'
import zhCN from '@/locales/zh-CN.json'
import enUS from '@/locales/en-US.json'
import { isH5 } from './platform'
import { storage } from './storage'

/** The app's languages; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en-US'] as const
export type Locale = (typeof LOCALES)[number]
/** Every key of the catalogs (zh-CN is the reference; a unit test keeps en-US in step). */
export type MessageKey = keyof typeof zhCN
export type MessageValues = Record<string, string | number>

const STORAGE_KEY = 'locale'

/** Maps a platform language tag (zh_CN, en, en-GB, zh-Hant…) to one of the app's locales. */
export function matchLocale(tag: string | null | undefined): Locale {
  return /^en\b/i.test((tag ?? '').replace('_', '-')) ? 'en-US' : 'zh-CN'
}

function systemLanguage(): string {
  if (isH5 && typeof navigator !== 'undefined') return navigator.language
  try {
    return Taro.getSystemInfoSync().language ?? ''
  } catch {
    return ''
  }
}

/** The shopper's choice from the help center, else the phone's or browser's language. */
export function initialLocale(): Locale {
  const saved = storage.get<string>(STORAGE_KEY)
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : matchLocale(systemLanguage())
}

// Lingui compiles a string message on every lookup; compile each once (the catalogs bound the cache).
const compiled = new Map<string, ReturnType<typeof compileMessage>>()
i18n.setMessagesCompiler((message: string) => {
  let c = compiled.get(message)
  if (c === undefined) compiled.set(message, (c = compileMessage(message)))
  return c
})
i18n.load({ 'zh-CN': zhCN, 'en-US': enUS })
i18n.activate(initialLocale())

/** The active locale. */
export function getLocale(): Locale {
  return i18n.locale as Locale
}

/** 'zh' or 'en', for content that carries both (catalog labels, FAQ articles, dates). */
export function getLang(): 'zh' | 'en' {
  return getLocale() === 'en-US' ? 'en' : 'zh'
}

/** The text for a key in the active locale, with ICU params (plurals, names, numbers). */
export function t(key: MessageKey, values?: MessageValues): string {
  return i18n._(key, values)
}

/** Whether a key exists (for codes that come from the server). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key)
}

const listeners = new Set<() => void>()
i18n.on('change', () => listeners.forEach((l) => l()))
const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => void listeners.delete(l)
}

/** Re-renders the calling component when the language changes; returns the active locale. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, getLocale)
}

/** Listens for language changes outside React (tab bar, titles); returns the unsubscribe. */
export function onLocaleChange(fn: () => void): () => void {
  return subscribe(fn)
}

/** Switches the language for the whole app and remembers the choice. */
export function setLocale(locale: Locale): void {
  storage.set(STORAGE_KEY, locale)
  if (locale !== getLocale()) i18n.activate(locale)
}

/** A catalog label that carries both languages (service types, outcomes, statuses…), in the active one. */
export function named(o: { zh: string; en: string }): string {
  return getLang() === 'en' ? o.en : o.zh
}
