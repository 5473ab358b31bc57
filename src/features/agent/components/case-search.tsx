import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { Case, CaseSummary } from '@shared/case'
import { t } from '@/lib/i18n'
import { ApiError } from '@/lib/http'
import { formatTime } from '@/lib/time'
import { fetchCase, searchCases } from '../agent-cases.api'
import { chatStatusLabel, serviceTypeLabel } from '../agent.helpers'
import { ticketChannelLabel } from '../ticket.helpers'
import './case-search.scss'

export interface CaseSearchProps {
  onOpenConversation: (id: string) => void
  onOpenTicket: (id: string) => void
}

/** Finds a case by its number (what a shopper reads out on the phone), an order number or a phone. */
export function CaseSearch({ onOpenConversation, onOpenTicket }: CaseSearchProps) {
  const [q, setQ] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [results, setResults] = useState<CaseSummary[] | null>(null)
  const [open, setOpen] = useState<Case | null>(null)

  const run = async () => {
    const term = q.trim()
    if (!term || busy) return
    setBusy(true)
    setError(null)
    setOpen(null)
    try {
      const found = (await searchCases(term)).items
      setResults(found)
      if (found.length === 1) setOpen(await fetchCase(found[0].caseNo))
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('agent.cases.searchFailed'))
    } finally {
      setBusy(false)
    }
  }
  const show = async (caseNo: string) => {
    try {
      setOpen(await fetchCase(caseNo))
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('agent.cases.openFailed'))
    }
  }

  return (
    <View className='case-search'>
      <View className='case-search__bar'>
        <Input
          className='case-search__input'
          value={q}
          placeholder={t('agent.cases.placeholder')}
          aria-label={t('agent.cases.searchAria')}
          confirmType='search'
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void run()}
        />
        <View
          className='case-search__go'
          role='button'
          ariaRole='button'
          aria-label={t('agent.cases.search')}
          aria-busy={busy}
          onClick={() => void run()}
        >
          {busy ? t('agent.cases.searching') : t('agent.cases.search')}
        </View>
      </View>
      {error ? (
        <View className='case-search__error' role='alert' ariaRole='alert'>
          {error}
        </View>
      ) : null}
      {results && results.length === 0 ? <View className='ws__hint'>{t('agent.cases.none')}</View> : null}
      {results && results.length > 1 && !open
        ? results.map((r) => (
            <View key={r.caseNo} className='case-search__row' role='button' ariaRole='button' onClick={() => void show(r.caseNo)}>
              <Text className='case-search__no'>{r.caseNo}</Text>
              <Text>
                {t('agent.cases.row', { name: r.shopperName ?? t('agent.customer'), chats: r.conversations, tickets: r.tickets })}
              </Text>
            </View>
          ))
        : null}
      {open ? (
        <View className='case-search__case' aria-label={t('agent.cases.caseAria', { caseNo: open.caseNo })}>
          <Text className='case-search__title'>
            {open.caseNo} · {open.shopper?.displayName ?? t('agent.customer')}
          </Text>
          <Text className='ws__heading'>{t('agent.cases.chats', { n: open.conversations.length })}</Text>
          {open.conversations.map((c) => (
            <View key={c.id} className='case-search__row' role='button' ariaRole='button' onClick={() => onOpenConversation(c.id)}>
              <Text>
                {formatTime(c.createdAt)} · {serviceTypeLabel(c.serviceType)} · {chatStatusLabel(c.status)}
              </Text>
            </View>
          ))}
          <Text className='ws__heading'>{t('agent.cases.tickets', { n: open.tickets.length })}</Text>
          {open.tickets.map((tk) => (
            <View key={tk.id} className='case-search__row' role='button' ariaRole='button' onClick={() => onOpenTicket(tk.id)}>
              <Text>
                {tk.ticketNo} · {serviceTypeLabel(tk.serviceType)} · {ticketChannelLabel(tk.channel)}
              </Text>
            </View>
          ))}
          {open.notifications.length ? (
            <Text className='ws__heading'>{t('agent.cases.notifications', { n: open.notifications.length })}</Text>
          ) : null}
          {open.notifications.map((n) => (
            <View key={n.id} className='case-search__note'>
              <Text>
                {formatTime(n.createdAt)} · {n.title} · {n.channel}
              </Text>
            </View>
          ))}
          {open.actions.length ? <Text className='ws__heading'>{t('agent.cases.actions', { n: open.actions.length })}</Text> : null}
          {open.actions.map((a) => (
            <View key={a.id} className='case-search__note'>
              <Text>
                {formatTime(a.createdAt)} · {t(`actionCard.title.${a.kind}`)} · {a.orderNo}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
