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
import { chatStatusLabel, evidenceLabel, intentLabel, serviceTypeLabel } from '../agent.helpers'
import { botSummary } from '../conversation.helpers'
import { ChannelBadge } from '../wechat/channel-badge'
import { ReplyWindowBar } from '../wechat/reply-window'
import { entryLine, replyBlocked } from '../wechat/reply-window.helpers'
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
  const error = actionError ?? s.refused?.message ?? (s.error ? t('agent.conv.reconnecting') : null)
  const failed = (fallback: string) => (err: unknown) => {
    setActionError(err instanceof ApiError ? err.message : fallback)
    return null
  }
  const transfer = (target: TransferBody) => transferConversation(conversationId, target).catch(failed(t('agent.conv.transferFailed')))
  const end = () => endConversation(conversationId).catch(failed(t('agent.conv.endFailed')))

  const summary = useMemo(() => botSummary(messages), [messages])
  const mine = conversation?.status === 'assigned' && conversation.agentId === selfId

  const doTransfer = async (target: TransferBody) => {
    setTransferring(false)
    const c = await transfer(target)
    if (c) {
      agentConversation.setConversation(c)
      applyMine(c)
      void Taro.showToast({ title: t('agent.conv.transferred'), icon: 'success' })
      onLeave()
    }
  }
  const doEnd = async () => {
    const confirm =
      (await askModal({
        title: t('agent.conv.end'),
        content: t('agent.conv.endConfirm'),
        confirmText: t('agent.conv.endShort'),
        cancelText: t('agent.cancel'),
      })) === 'confirm'
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
        <View className='conv__back' role='button' ariaRole='button' aria-label={t('agent.conv.back')} onClick={onBack}>
          ‹
        </View>
        <View className='conv__who'>
          <Text className='conv__name'>
            {conversation?.shopper.displayName ?? t('agent.loading')}
            <ChannelBadge channel={conversation?.channel} />
          </Text>
          <Text className='conv__status'>
            {conversation
              ? `${serviceTypeLabel(conversation.serviceType)} · ${chatStatusLabel(conversation.status)}${conversation.caseNo ? ` · ${conversation.caseNo}` : ''}`
              : ''}
          </Text>
          {conversation?.channel === 'wechat' && conversation.wechatEntryPage ? (
            <Text className='conv__entry'>{entryLine(conversation.wechatEntryPage)}</Text>
          ) : null}
        </View>
        <View className='conv__tools'>
          <View
            className='conv__tool conv__tool--customer'
            role='button'
            ariaRole='button'
            aria-label={t('agent.customerInfo')}
            onClick={onShowCustomer}
          >
            {t('agent.customer')}
          </View>
          {mine ? (
            <>
              <View
                className='conv__tool'
                role='button'
                ariaRole='button'
                aria-label={t('agent.conv.transfer')}
                onClick={() => setTransferring(true)}
              >
                {t('agent.conv.transfer')}
              </View>
              <View
                className='conv__tool conv__tool--danger'
                role='button'
                ariaRole='button'
                aria-label={t('agent.conv.end')}
                onClick={() => void doEnd()}
              >
                {t('agent.conv.endShort')}
              </View>
            </>
          ) : null}
        </View>
      </View>
      {summary ? (
        <View className='conv__summary' aria-label={t('agent.conv.summary')}>
          <Text className='conv__summary-item'>
            {t('agent.conv.type', { type: serviceTypeLabel(summary.serviceType ?? conversation?.serviceType) })}
          </Text>
          <Text className='conv__summary-item'>
            {t('agent.conv.intent', { intent: intentLabel(conversation?.handoffReason ?? summary.intent) })}
          </Text>
          <Text className='conv__summary-item'>
            {t('agent.conv.needs', {
              list: summary.needsEvidence.length ? summary.needsEvidence.map(evidenceLabel).join(t('tickets.sep')) : t('agent.conv.none'),
            })}
            {summary.needsEvidence.length && summary.imagesSince ? t('agent.conv.imagesSent', { n: summary.imagesSince }) : ''}
          </Text>
          {summary.note ? <Text className='conv__summary-item'>{t('agent.conv.note', { note: summary.note })}</Text> : null}
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
          emptyText={s.status === 'loading' ? t('agent.conv.loadingMessages') : t('agent.conv.noMessages')}
          onRetry={(id) => void agentConversation.retry(id)}
          onOpenTicket={onOpenTicket}
        />
      </View>
      {conversation && mine ? <ReplyWindowBar conversation={conversation} /> : null}
      {conversation?.status === 'queued' ? (
        <View className='conv__bar'>
          <Text className='conv__bar-text'>{t('agent.conv.waiting')}</Text>
          <Button
            className='conv__claim'
            loading={flag(claiming === conversationId)}
            disabled={flag(claiming !== null)}
            onClick={() => void claim(conversationId)}
            aria-label={t('agent.conv.claim')}
          >
            {t('agent.conv.claim')}
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
          <Text className='conv__bar-text'>{t('agent.conv.ended')}</Text>
        </View>
      ) : null}
      {conversation?.status === 'assigned' && !mine ? (
        <View className='conv__bar'>
          <Text className='conv__bar-text'>
            {t('agent.conv.otherAgent', { name: conversation.agentName ?? t('agent.conv.colleague') })}
          </Text>
        </View>
      ) : null}
      {transferring ? <TransferSheet selfId={selfId} onPick={(t) => void doTransfer(t)} onClose={() => setTransferring(false)} /> : null}
    </View>
  )
}
