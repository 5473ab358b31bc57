import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { Case, CaseSummary } from '@shared/case'
import { t } from '@/lib/i18n'
import { ApiError } from '@/lib/http'
import { formatTime } from '@/lib/time'
import { fetchCase, searchCases } from '../agent-cases.api'
import { serviceTypeLabel } from '../agent.helpers'
import './case-search.scss'

export interface CaseSearchProps {
  onOpenConversation: (id: string) => void
  onOpenTicket: (id: string) => void
}

const CHAT_STATUS: Record<string, string> = { bot: '智能客服接待', queued: '排队中', assigned: '进行中', ended: '已结束' }
const CHANNEL: Record<string, string> = { app: '小程序', email: '邮件', chat: '在线客服' }

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
      setError(err instanceof ApiError ? err.message : '查找失败，请重试')
    } finally {
      setBusy(false)
    }
  }
  const show = async (caseNo: string) => {
    try {
      setOpen(await fetchCase(caseNo))
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '打开失败，请重试')
    }
  }

  return (
    <View className='case-search'>
      <View className='case-search__bar'>
        <Input
          className='case-search__input'
          value={q}
          placeholder='案件号 KF-…、订单号或手机号'
          aria-label='查找案件'
          confirmType='search'
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void run()}
        />
        <View className='case-search__go' role='button' ariaRole='button' aria-label='查找' aria-busy={busy} onClick={() => void run()}>
          {busy ? '查找中…' : '查找'}
        </View>
      </View>
      {error ? (
        <View className='case-search__error' role='alert' ariaRole='alert'>
          {error}
        </View>
      ) : null}
      {results && results.length === 0 ? <View className='ws__hint'>没有找到相关案件</View> : null}
      {results && results.length > 1 && !open
        ? results.map((r) => (
            <View key={r.caseNo} className='case-search__row' role='button' ariaRole='button' onClick={() => void show(r.caseNo)}>
              <Text className='case-search__no'>{r.caseNo}</Text>
              <Text>
                {r.shopperName ?? '顾客'} · 会话 {r.conversations} · 工单 {r.tickets}
              </Text>
            </View>
          ))
        : null}
      {open ? (
        <View className='case-search__case' aria-label={`案件 ${open.caseNo}`}>
          <Text className='case-search__title'>
            {open.caseNo} · {open.shopper?.displayName ?? '顾客'}
          </Text>
          <Text className='ws__heading'>会话 · {open.conversations.length}</Text>
          {open.conversations.map((c) => (
            <View key={c.id} className='case-search__row' role='button' ariaRole='button' onClick={() => onOpenConversation(c.id)}>
              <Text>
                {formatTime(c.createdAt)} · {serviceTypeLabel(c.serviceType)} · {CHAT_STATUS[c.status] ?? c.status}
              </Text>
            </View>
          ))}
          <Text className='ws__heading'>工单 · {open.tickets.length}</Text>
          {open.tickets.map((t) => (
            <View key={t.id} className='case-search__row' role='button' ariaRole='button' onClick={() => onOpenTicket(t.id)}>
              <Text>
                {t.ticketNo} · {serviceTypeLabel(t.serviceType)} · {CHANNEL[t.channel] ?? t.channel}
              </Text>
            </View>
          ))}
          {open.notifications.length ? <Text className='ws__heading'>通知 · {open.notifications.length}</Text> : null}
          {open.notifications.map((n) => (
            <View key={n.id} className='case-search__note'>
              <Text>
                {formatTime(n.createdAt)} · {n.title} · {n.channel}
              </Text>
            </View>
          ))}
          {open.actions.length ? <Text className='ws__heading'>自助操作 · {open.actions.length}</Text> : null}
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
