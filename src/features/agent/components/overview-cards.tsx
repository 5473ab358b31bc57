import { Text, View } from '@tarojs/components'
import type { ChatMetrics, Overview } from '@shared/agent'
import type { TicketStats } from '@shared/ticket'
import { TICKET_STATUSES } from '@shared/ticket-data'
import { durationLabel, ratingLabel, slaLevel } from '../agent.helpers'
import { ticketStatusLabel } from '../ticket.helpers'
import { t } from '@/lib/i18n'

const minutesLabel = (m: number | null) => (m === null ? '—' : durationLabel(m * 60_000))

interface StatCardProps {
  title: string
  value: string | number
  hint?: string
  alert?: boolean
  /** Takes a whole row of a three-card grid on a phone. */
  wide?: boolean
}

/** One figure with its label and an optional hint line; `alert` paints the value red. */
export function StatCard({ title, value, hint, alert, wide }: StatCardProps) {
  return (
    <View className={`ov-card ${alert ? 'ov-card--alert' : ''} ${wide ? 'ov-card--wide' : ''}`} aria-label={title}>
      <Text className='ov-card__label'>{title}</Text>
      <Text className={`ov-card__value ${typeof value === 'string' && value.length > 3 ? 'ov-card__value--text' : ''}`}>{value}</Text>
      {hint ? <Text className='ov-card__hint'>{hint}</Text> : null}
    </View>
  )
}

/** A measured average time against its SLA target, with a bar filled up to the target. */
export function SlaCard({ title, minutes, targetHours }: { title: string; minutes: number | null; targetHours: number }) {
  const ms = minutes === null ? null : minutes * 60_000
  const level = slaLevel(ms, targetHours)
  const pct = ms === null ? 0 : Math.min(100, Math.round((ms / (targetHours * 3_600_000)) * 100))
  return (
    <View className={`ov-card ov-sla ov-sla--${level}`} aria-label={title}>
      <Text className='ov-card__label'>{title}</Text>
      <Text className='ov-card__value'>{ms === null ? '—' : durationLabel(ms)}</Text>
      <View className='ov-sla__bar'>
        <View className='ov-sla__fill' style={{ width: `${pct}%` }} />
      </View>
      <Text className='ov-card__hint'>
        {t('agent.sla.target', {
          target:
            targetHours >= 48 && targetHours % 24 === 0
              ? t('agent.sla.days', { n: targetHours / 24 })
              : t('agent.sla.hours', { n: targetHours }),
          level: t(`agent.sla.${level}`),
        })}
      </Text>
    </View>
  )
}

/** Conversations started, handed over, waiting now, queue wait, first agent reply and chat ratings. */
export function ChatFigures({ chats }: { chats: ChatMetrics }) {
  const share = chats.started ? t('agent.ov.share', { pct: Math.round((chats.handedOver / chats.started) * 100) }) : '—'
  return (
    <View className='ov__section' aria-label={t('agent.ov.chats')}>
      <Text className='ov__heading'>{t('agent.ov.chats')}</Text>
      <View className='ov__grid'>
        <StatCard
          title={t('agent.ov.started')}
          value={chats.started}
          hint={t('agent.ov.botOnly', { n: chats.started - chats.handedOver })}
        />
        <StatCard title={t('agent.ov.handedOver')} value={chats.handedOver} hint={share} />
        <StatCard title={t('agent.ov.waiting')} value={chats.waitingNow} hint={t('agent.ov.live')} alert={chats.waitingNow > 0} />
        <StatCard title={t('agent.ov.queueWait')} value={minutesLabel(chats.averageQueueWaitMinutes)} hint={t('agent.ov.queueWaitHint')} />
      </View>
      <View className='ov__grid ov__grid--three'>
        <StatCard
          wide
          title={t('agent.ov.firstReply')}
          value={minutesLabel(chats.averageFirstAgentResponseMinutes)}
          hint={t('agent.ov.firstReplyHint')}
        />
        <StatCard
          title={t('agent.ov.agentRating')}
          value={ratingLabel(chats.agentRating.average)}
          hint={t('agent.ov.ratings', { n: chats.agentRating.count })}
        />
        <StatCard
          title={t('agent.ov.botRating')}
          value={ratingLabel(chats.botRating.average)}
          hint={t('agent.ov.ratings', { n: chats.botRating.count })}
        />
      </View>
    </View>
  )
}

/** Tickets created in the range: counts, overdue, escalated, rating, SLA times and status mix. */
export function TicketFigures({ tickets, sla }: { tickets: TicketStats; sla: Overview['sla'] }) {
  return (
    <View className='ov__section' aria-label={t('agent.cust.tickets')}>
      <Text className='ov__heading'>{t('agent.cust.tickets')}</Text>
      <View className='ov__grid'>
        <StatCard title={t('agent.ov.newTickets')} value={tickets.total} />
        <StatCard title={t('agent.ov.overdue')} value={tickets.overdue} alert={tickets.overdue > 0} />
        <StatCard title={t('agent.ov.escalated')} value={tickets.escalated} alert={tickets.escalated > 0} />
        <StatCard
          title={t('agent.ov.ticketRating')}
          value={ratingLabel(tickets.averageRating)}
          hint={t('agent.ov.ratings', { n: tickets.ratedCount })}
        />
      </View>
      <View className='ov__grid ov__grid--two'>
        <SlaCard
          title={t('agent.ov.avgFirstResponse')}
          minutes={tickets.averageFirstResponseMinutes}
          targetHours={sla.firstResponseHours}
        />
        <SlaCard title={t('agent.ov.avgResolution')} minutes={tickets.averageResolutionMinutes} targetHours={sla.resolutionHours} />
      </View>
      <View className='ov-card ov-status'>
        <Text className='ov-card__label'>{t('agent.ov.byStatus')}</Text>
        {TICKET_STATUSES.map((s) => (
          <View key={s} className='ov-status__row' aria-label={`${ticketStatusLabel(s)} ${tickets.byStatus[s]}`}>
            <Text className='ov-status__name'>{ticketStatusLabel(s)}</Text>
            <View className='ov-status__bar'>
              <View
                className={`ov-status__fill ov-status__fill--${s}`}
                style={{ width: `${tickets.total ? (tickets.byStatus[s] / tickets.total) * 100 : 0}%` }}
              />
            </View>
            <Text className='ov-status__count'>{tickets.byStatus[s]}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
