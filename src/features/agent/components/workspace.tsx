import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AGENT_LOGIN_URL, currentAgent, logoutAgent } from '../agent-auth.api'
import { useConversationStore } from '../agent-conversation.store'
import { useInboxStore } from '../agent-inbox.store'
import { useTicketsStore } from '../agent-tickets.store'
import { CaseSearch } from './case-search'
import { ChatsSection } from './chats-section'
import { OverviewPanel } from './overview-panel'
import { TicketsSection } from './tickets-section'
import './workspace.scss'
import { focusable } from '@/lib/a11y'
import { t } from '@/lib/i18n'

type Section = 'chats' | 'tickets' | 'cases' | 'overview'

const toLogin = () => void Taro.redirectTo({ url: AGENT_LOGIN_URL })

/** The agent workspace: chats (queue + mine), tickets, overview; three columns on wide screens. */
export function Workspace() {
  const [agent] = useState(currentAgent)
  const [section, setSection] = useState<Section>('chats')
  const inboxSignedOut = useInboxStore((s) => s.signedOut)
  const chatSignedOut = useConversationStore((s) => s.refused?.status === 401)
  const signedOut = inboxSignedOut || chatSignedOut
  const waiting = useInboxStore((s) => s.queue.items.length)
  const unread = useInboxStore((s) => s.mine.reduce((n, c) => n + c.unreadCount, 0))
  const { start, stop } = useInboxStore()
  const selectTicket = useTicketsStore((s) => s.select)
  const [openChat, setOpenChat] = useState<string | null>(null)

  useDidShow(() => {
    if (!currentAgent()) toLogin()
  })
  useEffect(() => {
    if (!agent) return
    start()
    return stop
  }, [agent, start, stop])
  useEffect(() => {
    if (signedOut) toLogin()
  }, [signedOut])

  if (!agent) return <View className='ws ws--blank' />
  const logout = async () => {
    stop()
    await logoutAgent()
    toLogin()
  }
  const openTicket = (id: string) => {
    setSection('tickets')
    void selectTicket(id)
  }
  const tabs: { id: Section; label: string; badge?: number }[] = [
    { id: 'chats', label: t('agent.ws.chats'), badge: waiting + unread },
    { id: 'tickets', label: t('agent.ws.tickets') },
    { id: 'cases', label: t('agent.ws.cases') },
    { id: 'overview', label: t('agent.ws.overview') },
  ]
  return (
    <View className={`ws ws--${section}`}>
      <View className='ws__top'>
        <Text className='ws__brand'>{t('titles.agentWorkspace')}</Text>
        <View className='ws__tabs' role='tablist' ariaRole='tablist'>
          {tabs.map((t) => (
            <View
              key={t.id}
              className={`ws__tab ${t.id === section ? 'ws__tab--active' : ''}`}
              role='tab'
              ariaRole='tab'
              aria-selected={t.id === section}
              onClick={() => setSection(t.id)}
            >
              {t.label}
              {t.badge ? <Text className='ws__badge'>{t.badge > 99 ? '99+' : t.badge}</Text> : null}
            </View>
          ))}
        </View>
        <View className='ws__me'>
          <Text className='ws__name'>{agent.user.displayName}</Text>
          <View className='ws__logout' role='button' ariaRole='button' aria-label={t('agent.ws.logoutAria')} onClick={() => void logout()}>
            {t('agent.ws.logout')}
          </View>
        </View>
      </View>
      <View className='ws__body'>
        {section === 'chats' ? <ChatsSection selfId={agent.user.id} openId={openChat} onOpenTicket={openTicket} /> : null}
        {section === 'cases' ? (
          <View className='ws__main ws__main--full' {...focusable}>
            <CaseSearch
              onOpenConversation={(id) => {
                setOpenChat(id)
                setSection('chats')
              }}
              onOpenTicket={openTicket}
            />
          </View>
        ) : null}
        {section === 'tickets' ? <TicketsSection /> : null}
        {section === 'overview' ? (
          <View className='ws__main ws__main--full' {...focusable}>
            <OverviewPanel />
          </View>
        ) : null}
      </View>
    </View>
  )
}
