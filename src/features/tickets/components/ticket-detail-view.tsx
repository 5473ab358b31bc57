import { Text, View } from '@tarojs/components'
import type { TicketDetail } from '@shared/ticket'
import { TicketActions } from './ticket-actions'
import { TicketHeader } from './ticket-header'
import { TicketFiles, TicketTimeline } from './ticket-timeline'
import './ticket-detail.scss'

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
        <View className='td-created' role='status'>
          <Text>提交成功！客服受理和回复都会显示在下方的处理进度里。</Text>
        </View>
      )}
      {changes.length > 0 && (
        <View className='td-changes' role='status' onClick={onDismissChanges}>
          <Text className='td-changes__title'>有新进展</Text>
          <Text className='td-changes__text'>{changes.join('；')}</Text>
        </View>
      )}
      <View className='td-card'>
        <Text className='td-card__title'>问题描述</Text>
        <Text className='td-desc'>{ticket.description}</Text>
        <TicketFiles files={ticket.attachments} />
      </View>
      <TicketTimeline events={ticket.timeline} now={now} rating={ticket.rating} />
      <TicketActions ticket={ticket} busy={busy} run={run} />
    </View>
  )
}
