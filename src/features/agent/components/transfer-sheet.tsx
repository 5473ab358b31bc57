import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { AgentList, TransferBody } from '@shared/chat'
import { SERVICE_TYPES } from '@shared/catalog-data'
import { ApiError } from '@/lib/http'
import { fetchAgents } from '../agent-chat.api'
import './sheet.scss'

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
      .catch((err) => setError(err instanceof ApiError ? err.message : '同事列表加载失败'))
  }, [selfId])

  return (
    <View className='sheet' role='dialog' ariaRole='dialog' aria-label='转接会话'>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        <View className='sheet__head'>
          <Text className='sheet__title'>转接给</Text>
          <View className='sheet__close' role='button' ariaRole='button' aria-label='关闭' onClick={onClose}>
            ✕
          </View>
        </View>
        <Text className='sheet__section'>同事</Text>
        {error ? <Text className='sheet__muted'>{error}</Text> : null}
        {agents === null && !error ? <Text className='sheet__muted'>加载中…</Text> : null}
        {agents && !agents.some((a) => a.online) ? <Text className='sheet__muted'>暂无其他在线客服，可以退回排队</Text> : null}
        {agents?.map((a) => (
          <View
            key={a.id}
            className={`sheet__option ${a.online ? '' : 'sheet__option--off'}`}
            role='button'
            ariaRole='button'
            aria-label={`转给 ${a.displayName}（${a.online ? '在线' : '离线'}）`}
            aria-disabled={!a.online}
            onClick={a.online ? () => onPick({ agentId: a.id }) : undefined}
          >
            <Text>
              <Text className={`sheet__presence ${a.online ? 'sheet__presence--on' : ''}`} />
              {a.displayName}
            </Text>
            <Text className='sheet__muted'>{a.online ? `在线 · 进行中 ${a.activeConversations}` : '离线'}</Text>
          </View>
        ))}
        <Text className='sheet__section'>退回排队</Text>
        <View className='sheet__chips'>
          {SERVICE_TYPES.map((t) => (
            <View
              key={t.id}
              className='sheet__chip'
              role='button'
              ariaRole='button'
              aria-label={`退回${t.zh}队列`}
              onClick={() => onPick({ serviceType: t.id })}
            >
              {t.zh}队列
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}
