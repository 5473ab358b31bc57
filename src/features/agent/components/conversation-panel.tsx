import { useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { flag } from '@/lib/platform'
import type { TransferBody } from '@shared/chat'
import { MessageList } from '@/components/message-list'
import { t } from '@/lib/i18n'
import { ApiError } from '@/lib/http'
import { askModal } from '@/lib/modal'
import { selectConversation, selectMessages } from '@/lib/conversation'
import { endConversation, sendTyping, transferConversation } from '../agent-chat.api'
import { agentConversation, useConversationStore } from '../agent-conversation.store'
import { useInboxStore } from '../agent-inbox.store'
import { evidenceLabel, intentLabel, serviceTypeLabel } from '../agent.helpers'
import { botSummary } from '../conversation.helpers'
import { ChannelBadge } from '../wechat/channel-badge'
import { ReplyWindowBar } from '../wechat/reply-window'
import { replyBlocked } from '../wechat/reply-window.helpers'
import { ReplyComposer } from './reply-composer'
import { TransferSheet } from './transfer-sheet'
import './conversation-panel.scss'

export interface ConversationPanelProps {
  conversationId: string
  selfId: string
  /** Phones: back to the list. */
  onBack: () => void
  /** Phones: show the customer panel. */
  onShowCustomer: () => void
  /** Leaves the conversation (transferred away). */
  onLeave: () => void
  /** Opens a ticket (from a page card the shopper sent through WeChat). */
  onOpenTicket?: (ticketId: string) => void
}

const STATUS: Record<string, string> = { bot: '智能客服接待中', queued: '排队中', assigned: '进行中', ended: '已结束' }

/** One conversation: bot summary, the shared message list, and the agent's composer and actions. */
export function ConversationPanel({ conversationId, selfId, onBack, onShowCustomer, onLeave, onOpenTicket }: ConversationPanelProps) {
  const s = useConversationStore()
  const conversation = selectConversation(s)
  const messages = selectMessages(s)
  const { claim, claiming, applyMine } = useInboxStore()
  const [transferring, setTransferring] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  useEffect(() => {
    agentConversation.open(conversationId)
    void agentConversation.setVisible(true)
    return () => agentConversation.close()
  }, [conversationId])
  const error = actionError ?? s.refused?.message ?? (s.error ? '连接中断，正在重试…' : null)
  const failed = (fallback: string) => (err: unknown) => {
    setActionError(err instanceof ApiError ? err.message : fallback)
    return null
  }
  const transfer = (target: TransferBody) => transferConversation(conversationId, target).catch(failed('转接失败，请重试'))
  const end = () => endConversation(conversationId).catch(failed('结束会话失败，请重试'))

  const summary = useMemo(() => botSummary(messages), [messages])
  const mine = conversation?.status === 'assigned' && conversation.agentId === selfId

  const doTransfer = async (target: TransferBody) => {
    setTransferring(false)
    const c = await transfer(target)
    if (c) {
      agentConversation.setConversation(c)
      applyMine(c)
      void Taro.showToast({ title: '已转接', icon: 'success' })
      onLeave()
    }
  }
  const doEnd = async () => {
    const confirm = (await askModal({ title: '结束会话', content: '结束后顾客会收到评价邀请，确定结束吗？' })) === 'confirm'
    if (!confirm) return
    const c = await end()
    if (c) {
      agentConversation.setConversation(c)
      applyMine(c)
    }
  }

  return (
    <View className='conv'>
      <View className='conv__head'>
        <View className='conv__back' role='button' ariaRole='button' aria-label='返回列表' onClick={onBack}>
          ‹
        </View>
        <View className='conv__who'>
          <Text className='conv__name'>
            {conversation?.shopper.displayName ?? '加载中…'}
            <ChannelBadge channel={conversation?.channel} />
          </Text>
          <Text className='conv__status'>
            {conversation
              ? `${serviceTypeLabel(conversation.serviceType)} · ${STATUS[conversation.status] ?? conversation.status}${conversation.caseNo ? ` · ${conversation.caseNo}` : ''}`
              : ''}
          </Text>
        </View>
        <View className='conv__tools'>
          <View className='conv__tool conv__tool--customer' role='button' ariaRole='button' aria-label='顾客信息' onClick={onShowCustomer}>
            顾客
          </View>
          {mine ? (
            <>
              <View className='conv__tool' role='button' ariaRole='button' aria-label='转接' onClick={() => setTransferring(true)}>
                转接
              </View>
              <View
                className='conv__tool conv__tool--danger'
                role='button'
                ariaRole='button'
                aria-label='结束会话'
                onClick={() => void doEnd()}
              >
                结束
              </View>
            </>
          ) : null}
        </View>
      </View>
      {summary ? (
        <View className='conv__summary' aria-label='智能客服摘要'>
          <Text className='conv__summary-item'>类型：{serviceTypeLabel(summary.serviceType ?? conversation?.serviceType)}</Text>
          <Text className='conv__summary-item'>意图：{intentLabel(conversation?.handoffReason ?? summary.intent)}</Text>
          <Text className='conv__summary-item'>
            待补充：
            {summary.needsEvidence.length ? summary.needsEvidence.map(evidenceLabel).join('、') : '无'}
            {summary.needsEvidence.length && summary.imagesSince ? `（顾客已发图片 ${summary.imagesSince} 张）` : ''}
          </Text>
          {summary.note ? <Text className='conv__summary-item'>摘要：{summary.note}</Text> : null}
          {summary.actions.length ? (
            <Text className='conv__summary-item'>
              {t('agent.selfServed', { actions: summary.actions.map((k) => t(`actionCard.title.${k}`)).join(t('tickets.sep')) })}
            </Text>
          ) : null}
        </View>
      ) : null}
      {error ? (
        <View className='conv__error' role='alert' ariaRole='alert'>
          {error}
        </View>
      ) : null}
      <View className='conv__messages'>
        <MessageList
          viewer='agent'
          messages={messages}
          pending={agentConversation.selectPending(s)}
          peerReadSeq={s.peerReadSeq}
          typing={s.typing}
          emptyText={s.status === 'loading' ? '加载消息…' : '暂无消息'}
          onRetry={(id) => void agentConversation.retry(id)}
          onOpenTicket={onOpenTicket}
        />
      </View>
      {conversation && mine ? <ReplyWindowBar conversation={conversation} /> : null}
      {conversation?.status === 'queued' ? (
        <View className='conv__bar'>
          <Text className='conv__bar-text'>顾客正在排队等待人工客服</Text>
          <Button
            className='conv__claim'
            loading={flag(claiming === conversationId)}
            disabled={flag(claiming !== null)}
            onClick={() => void claim(conversationId)}
            aria-label='接入会话'
          >
            接入会话
          </Button>
        </View>
      ) : null}
      {mine && !replyBlocked(conversation) ? (
        <ReplyComposer
          serviceType={conversation?.serviceType ?? null}
          draft={agentConversation.selectDraft(s)}
          onDraft={agentConversation.setDraft}
          onSend={(text) => void agentConversation.send({ kind: 'text', text })}
          onImage={(localPath) => void agentConversation.send({ kind: 'image', localPath })}
          onTyping={() => void sendTyping(conversationId).catch(() => undefined)}
        />
      ) : null}
      {conversation?.status === 'ended' ? (
        <View className='conv__bar'>
          <Text className='conv__bar-text'>会话已结束，已邀请顾客评价</Text>
        </View>
      ) : null}
      {conversation?.status === 'assigned' && !mine ? (
        <View className='conv__bar'>
          <Text className='conv__bar-text'>该会话由 {conversation.agentName ?? '其他客服'} 接待</Text>
        </View>
      ) : null}
      {transferring ? <TransferSheet selfId={selfId} onPick={(t) => void doTransfer(t)} onClose={() => setTransferring(false)} /> : null}
    </View>
  )
}
