import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { AgentList, TransferBody } from '@shared/chat'
import { SERVICE_TYPES } from '@shared/catalog-data'
import { ApiError } from '@/lib/http'
import { fetchAgents } from '../agent-chat.api'
import './sheet.scss'
import { named, t } from '@/lib/i18n'

export interface TransferSheetProps {
  selfId: string
  onPick: (target: TransferBody) => void
  onClose: () => void
}

/** Picks who takes the conversation over: a colleague, or a service type's queue. */
export function TransferSheet({ selfId, onPick, onClose }: TransferSheetProps) {
  const [agents, setAgents] = useState<AgentList['items'] | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    fetchAgents()
      // Colleagues who are there first; the others are shown but cannot take the chat.
      .then((res) => setAgents(res.items.filter((a) => a.id !== selfId).sort((a, b) => Number(b.online) - Number(a.online))))
      .catch((err) => setError(err instanceof ApiError ? err.message : t('agent.transfer.loadFailed')))
  }, [selfId])

  return (
    <View className='sheet' role='dialog' ariaRole='dialog' aria-label={t('agent.transfer.title')}>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        <View className='sheet__head'>
          <Text className='sheet__title'>{t('agent.transfer.to')}</Text>
          <View className='sheet__close' role='button' ariaRole='button' aria-label={t('agent.close')} onClick={onClose}>
            ✕
          </View>
        </View>
        <Text className='sheet__section'>{t('agent.transfer.colleagues')}</Text>
        {error ? <Text className='sheet__muted'>{error}</Text> : null}
        {agents === null && !error ? <Text className='sheet__muted'>{t('agent.loading')}</Text> : null}
        {agents && !agents.some((a) => a.online) ? <Text className='sheet__muted'>{t('agent.transfer.nobody')}</Text> : null}
        {agents?.map((a) => (
          <View
            key={a.id}
            className={`sheet__option ${a.online ? '' : 'sheet__option--off'}`}
            role='button'
            ariaRole='button'
            aria-label={t('agent.transfer.toAria', {
              name: a.displayName,
              state: a.online ? t('agent.transfer.online') : t('agent.transfer.offline'),
            })}
            aria-disabled={!a.online}
            onClick={a.online ? () => onPick({ agentId: a.id }) : undefined}
          >
            <Text>
              <Text className={`sheet__presence ${a.online ? 'sheet__presence--on' : ''}`} />
              {a.displayName}
            </Text>
            <Text className='sheet__muted'>
              {a.online ? t('agent.transfer.busy', { n: a.activeConversations }) : t('agent.transfer.offline')}
            </Text>
          </View>
        ))}
        <Text className='sheet__section'>{t('agent.transfer.back')}</Text>
        <View className='sheet__chips'>
          {SERVICE_TYPES.map((type) => (
            <View
              key={type.id}
              className='sheet__chip'
              role='button'
              ariaRole='button'
              aria-label={t('agent.transfer.queueAria', { type: named(type) })}
              onClick={() => onPick({ serviceType: type.id })}
            >
              {t('agent.transfer.queue', { type: named(type) })}
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}
