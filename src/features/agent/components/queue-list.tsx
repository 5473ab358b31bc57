import { Button, Text, View } from '@tarojs/components'
import { flag } from '@/lib/platform'
import type { Queue, QueueItem } from '@shared/chat'
import { durationLabel, intentLabel, LONG_WAIT_MS, serviceTypeLabel } from '../agent.helpers'
import { ChannelBadge } from '../wechat/channel-badge'
import './queue-list.scss'
import { t } from '@/lib/i18n'

export interface QueueListProps {
  queue: Queue
  selectedId: string | null
  claiming: string | null
  /** Seconds passed since the queue was fetched, so waits keep counting between polls. */
  elapsedSeconds?: number
  onSelect: (item: QueueItem) => void
  onClaim: (item: QueueItem) => void
}

/** Waiting conversations: per-type counts, then each shopper with wait time, reason and claim. */
export function QueueList({ queue, selectedId, claiming, elapsedSeconds = 0, onSelect, onClaim }: QueueListProps) {
  if (queue.items.length === 0) {
    return (
      <View className='queue queue--empty'>
        <Text className='queue__empty'>{t('agent.queue.empty')}</Text>
      </View>
    )
  }
  return (
    <View className='queue'>
      <View className='queue__groups' aria-label={t('agent.queue.groups')}>
        {queue.byServiceType.map((g) => (
          <View key={g.serviceType ?? 'none'} className='queue__group'>
            <Text className='queue__group-name'>{serviceTypeLabel(g.serviceType)}</Text>
            <Text className='queue__group-count'>{g.count}</Text>
            <Text className='queue__group-wait'>
              {t('agent.queue.longest', { wait: durationLabel((g.longestWaitSeconds + elapsedSeconds) * 1000) })}
            </Text>
          </View>
        ))}
      </View>
      {queue.items.map((item) => {
        const waitMs = (item.waitSeconds + elapsedSeconds) * 1000
        const selected = item.conversationId === selectedId
        return (
          <View
            key={item.conversationId}
            className={`queue__item ${selected ? 'queue__item--selected' : ''}`}
            role='button'
            ariaRole='button'
            aria-label={t('agent.queue.itemAria', { name: item.shopper.displayName })}
            onClick={() => onSelect(item)}
          >
            <View className='queue__line'>
              <Text className='queue__name'>{item.shopper.displayName}</Text>
              <ChannelBadge channel={item.channel} />
              <Text className={`queue__tag queue__tag--${item.serviceType ?? 'none'}`}>{serviceTypeLabel(item.serviceType)}</Text>
              <Text className={`queue__wait ${waitMs > LONG_WAIT_MS ? 'queue__wait--long' : ''}`}>
                {t('agent.queue.waited', { wait: durationLabel(waitMs) })}
              </Text>
            </View>
            <Text className='queue__reason'>{t('agent.queue.reason', { reason: intentLabel(item.handoffReason) })}</Text>
            {item.preview ? <Text className='queue__preview'>“{item.preview}”</Text> : null}
            <View className='queue__line queue__line--bottom'>
              <Text className='queue__order'>
                {item.orderNo ? t('agent.queue.order', { orderNo: item.orderNo }) : t('agent.queue.noOrder')}
              </Text>
              <Button
                className='queue__claim'
                loading={flag(claiming === item.conversationId)}
                disabled={flag(claiming !== null)}
                aria-label={t('agent.queue.claimAria', { name: item.shopper.displayName })}
                onClick={(e) => {
                  e.stopPropagation()
                  onClaim(item)
                }}
              >
                {t('agent.queue.claim')}
              </Button>
            </View>
          </View>
        )
      })}
    </View>
  )
}
