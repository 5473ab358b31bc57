import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useInboxStore } from '../agent-inbox.store'
import { ConversationPanel } from './conversation-panel'
import { CustomerPanel } from './customer-panel'
import { MineList } from './mine-list'
import { QueueList } from './queue-list'
import { focusable } from '@/lib/a11y'
import { t } from '@/lib/i18n'

export interface ChatsSectionProps {
  selfId: string
  /** A conversation to show at once (opened from a case). */
  openId?: string | null
  onOpenTicket: (ticketId: string) => void
}

/** Queue and my conversations | the open conversation | the shopper beside it. */
export function ChatsSection({ selfId, openId, onOpenTicket }: ChatsSectionProps) {
  const { queue, mine, loaded, error, claiming, claim, queueAt } = useInboxStore()
  const [selected, setSelected] = useState<string | null>(openId ?? null)
  const [customerOpen, setCustomerOpen] = useState(false)
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000)
    return () => clearInterval(t)
  }, [])
  const elapsed = queueAt ? Math.max(0, Math.floor((now - queueAt) / 1000)) : 0

  return (
    <View className={`ws__cols ${selected ? 'ws--has-detail' : ''} ${customerOpen ? 'ws--customer-open' : ''}`}>
      <View className='ws__list'>
        {error ? <View className='ws__error'>{error}</View> : null}
        <Text className='ws__heading'>{t('agent.chats.mine', { n: mine.length })}</Text>
        <MineList items={mine} selectedId={selected} onSelect={(c) => setSelected(c.id)} />
        <Text className='ws__heading'>{t('agent.chats.queue', { n: queue.items.length })}</Text>
        {loaded ? (
          <QueueList
            queue={queue}
            selectedId={selected}
            claiming={claiming}
            elapsedSeconds={elapsed}
            onSelect={(q) => setSelected(q.conversationId)}
            onClaim={async (q) => {
              const c = await claim(q.conversationId)
              if (c) setSelected(c.id)
            }}
          />
        ) : (
          <View className='ws__hint'>{t('agent.loading')}</View>
        )}
      </View>
      <View className='ws__main' {...focusable}>
        {selected ? (
          <ConversationPanel
            key={selected}
            conversationId={selected}
            selfId={selfId}
            onBack={() => setSelected(null)}
            onShowCustomer={() => setCustomerOpen(true)}
            onLeave={() => setSelected(null)}
            onOpenTicket={onOpenTicket}
          />
        ) : (
          <View className='ws__hint'>{t('agent.chats.pick')}</View>
        )}
      </View>
      <View className='ws__side'>
        <View className='ws__side-head'>
          <Text className='ws__heading ws__heading--flat'>{t('agent.customerInfo')}</Text>
          <View
            className='ws__side-close'
            role='button'
            ariaRole='button'
            aria-label={t('agent.chats.closeCustomer')}
            onClick={() => setCustomerOpen(false)}
          >
            ✕
          </View>
        </View>
        {selected ? (
          <CustomerPanel conversationId={selected} onOpenTicket={onOpenTicket} />
        ) : (
          <View className='ws__hint'>{t('agent.chats.customerHint')}</View>
        )}
      </View>
    </View>
  )
}
