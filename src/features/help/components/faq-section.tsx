import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import type { FaqEntry } from '@shared/help'
import { getLang } from '@/lib/i18n'
import { FAQ_CATEGORIES, CHAT_URL, ticketUrl } from '../help.helpers'
import { t } from '@/lib/i18n'
import { useHelpStore } from '../help.store'
import { focusable } from '@/lib/a11y'

const SEARCH_DELAY_MS = 300
/** Questions shown per category before "show all". */
export const FAQ_PREVIEW = 5
const categoryName = (id: string) => FAQ_CATEGORIES.find((c) => c.id === id)?.[getLang()] ?? ''

function FaqItem({ entry, open, showCategory }: { entry: FaqEntry; open: boolean; showCategory: boolean }) {
  const toggle = useHelpStore((s) => s.toggle)
  return (
    <View className={`faq__item ${open ? 'faq__item--open' : ''}`}>
      <View className='faq__q' role='button' ariaRole='button' aria-expanded={open} onClick={() => toggle(entry.id)}>
        {showCategory ? <Text className='faq__tag'>{categoryName(entry.serviceType)}</Text> : null}
        <Text className='faq__question'>{entry.question}</Text>
        <Text className='faq__chevron'>{open ? '−' : '+'}</Text>
      </View>
      {open ? (
        <View className='faq__a'>
          <Text className='faq__answer' userSelect>
            {entry.answer}
          </Text>
          <View className='faq__more'>
            <Text className='faq__more-label'>{t('help.stillNeedHelp')}</Text>
            <View className='pill pill--primary' role='button' ariaRole='button' onClick={() => Taro.switchTab({ url: CHAT_URL })}>
              {t('help.askChat')}
            </View>
            <View className='pill' role='button' ariaRole='button' onClick={() => Taro.navigateTo({ url: ticketUrl(entry.serviceType) })}>
              {t('help.fileTicket')}
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}

function StatusLine({ status, empty, onRetry }: { status: string; empty: string; onRetry: () => void }) {
  if (status === 'loading') return <Text className='faq__status muted'>{t('help.loading')}</Text>
  if (status === 'error')
    return (
      <View className='faq__status faq__status--error' role='button' ariaRole='button' onClick={onRetry}>
        {t('help.loadFailed')}
      </View>
    )
  return <Text className='faq__status muted'>{empty}</Text>
}

/** Search box for the FAQ; searches as the shopper types, after a short pause. */
export function FaqSearch() {
  const search = useHelpStore((s) => s.search)
  const query = useHelpStore((s) => s.query)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => () => clearTimeout(timer.current), [])
  const onInput = (value: string) => {
    clearTimeout(timer.current)
    useHelpStore.setState({ query: value })
    timer.current = setTimeout(() => void search(value), SEARCH_DELAY_MS)
  }
  return (
    <View className='search' role='search' ariaRole='search'>
      <Text className='search__icon'>⌕</Text>
      <Input
        className='search__input'
        type='text'
        confirmType='search'
        value={query}
        placeholder={t('help.searchPlaceholder')}
        maxlength={200}
        aria-label={t('help.searchPlaceholder')}
        onInput={(e) => onInput(e.detail.value)}
        onConfirm={(e) => void search(e.detail.value)}
      />
      {query ? (
        <View className='search__clear' role='button' ariaRole='button' aria-label={t('help.close')} onClick={() => void search('')}>
          ×
        </View>
      ) : null}
    </View>
  )
}

/** 常见问题: tabs by service type, or search results, each answer with a way onward. */
export function FaqSection() {
  const s = useHelpStore()
  const [expanded, setExpanded] = useState(false)
  const searching = s.query.trim().length > 0
  const all = searching ? s.results : (s.byCategory[s.category] ?? [])
  const items = expanded || searching ? all : all.slice(0, FAQ_PREVIEW)
  const status = searching ? s.searchStatus : s.categoryStatus
  return (
    <View className='card faq'>
      <Text className='section-title'>{searching ? t('help.searchResults', { n: s.results.length }) : t('help.faq')}</Text>
      {searching ? null : (
        <View className='faq__tabs' role='tablist' ariaRole='tablist' {...focusable}>
          {FAQ_CATEGORIES.map((c) => (
            <View
              key={c.id}
              className={`faq__tab ${c.id === s.category ? 'faq__tab--active' : ''}`}
              role='tab'
              ariaRole='tab'
              aria-selected={c.id === s.category}
              onClick={() => {
                setExpanded(false)
                void s.selectCategory(c.id)
              }}
            >
              {c[getLang()]}
            </View>
          ))}
        </View>
      )}
      {items.length > 0 && status !== 'error' ? (
        items.map((e) => <FaqItem key={e.id} entry={e} open={s.openId === e.id} showCategory={searching} />)
      ) : (
        <StatusLine
          status={status}
          empty={searching ? t('help.noResults') : t('help.empty')}
          onRetry={() => (searching ? void s.search(s.query) : void s.loadCategory(true))}
        />
      )}
      {items.length < all.length ? (
        <View className='faq__all' role='button' ariaRole='button' onClick={() => setExpanded(true)}>
          {t('help.showAll', { n: all.length })}
        </View>
      ) : null}
    </View>
  )
}
