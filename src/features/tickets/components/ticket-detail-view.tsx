import { Text, View } from '@tarojs/components'
import type { TicketDetail } from '@shared/ticket'
import { TicketActions } from './ticket-actions'
import { TicketHeader } from './ticket-header'
import { TicketFiles, TicketTimeline } from './ticket-timeline'
import './ticket-detail.scss'
import { t } from '@/lib/i18n'

interface Props {
  ticket: TicketDetail
  now: Date
  changes: string[]
  created: boolean
  busy: string | null
  run: (name: string, fn: () => Promise<unknown>) => Promise<string | null>
  onDismissChanges(): void
}

/** 工单详情: header, what changed since last look, the timeline and the actions bar. */
export function TicketDetailView({ ticket, now, changes, created, busy, run, onDismissChanges }: Props) {
  return (
    <View className='td'>
      <TicketHeader ticket={ticket} now={now} />
      {created && (
        <View className='td-created' role='status' ariaRole='status'>
          <Text>{t('tickets.created')}</Text>
        </View>
      )}
      {changes.length > 0 && (
        <View className='td-changes' role='status' ariaRole='status' onClick={onDismissChanges}>
          <Text className='td-changes__title'>{t('tickets.news')}</Text>
          <Text className='td-changes__text'>{changes.join(t('tickets.changesSep'))}</Text>
        </View>
      )}
      <View className='td-card'>
        <Text className='td-card__title'>{t('tickets.description')}</Text>
        <Text className='td-desc'>{ticket.description}</Text>
        <TicketFiles files={ticket.attachments} />
      </View>
      <TicketTimeline events={ticket.timeline} now={now} rating={ticket.rating} />
      <TicketActions ticket={ticket} busy={busy} run={run} />
    </View>
  )
}
