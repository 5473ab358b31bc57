import { Text, View } from '@tarojs/components'
import type { ChatMetrics, Overview } from '@shared/agent'
import type { TicketStats } from '@shared/ticket'
import { TICKET_STATUSES } from '@shared/ticket-data'
import { durationLabel, ratingLabel, slaLevel, type SlaLevel } from '../agent.helpers'
import { ticketStatusLabel } from '../ticket.helpers'

const LEVEL_TEXT: Record<SlaLevel, string> = { ok: '达标', warn: '接近时限', breach: '超出时限', none: '暂无数据' }
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
        目标 {targetHours >= 48 && targetHours % 24 === 0 ? `${targetHours / 24} 天` : `${targetHours} 小时`} · {LEVEL_TEXT[level]}
      </Text>
    </View>
  )
}

/** Conversations started, handed over, waiting now, queue wait, first agent reply and chat ratings. */
export function ChatFigures({ chats }: { chats: ChatMetrics }) {
  const share = chats.started ? `占 ${Math.round((chats.handedOver / chats.started) * 100)}%` : '—'
  return (
    <View className='ov__section' aria-label='在线会话'>
      <Text className='ov__heading'>在线会话</Text>
      <View className='ov__grid'>
        <StatCard title='新会话' value={chats.started} hint={`智能客服独立接待 ${chats.started - chats.handedOver}`} />
        <StatCard title='转人工' value={chats.handedOver} hint={share} />
        <StatCard title='正在排队' value={chats.waitingNow} hint='实时' alert={chats.waitingNow > 0} />
        <StatCard title='平均排队' value={minutesLabel(chats.averageQueueWaitMinutes)} hint='转人工到接入' />
      </View>
      <View className='ov__grid ov__grid--three'>
        <StatCard wide title='客服首次回复' value={minutesLabel(chats.averageFirstAgentResponseMinutes)} hint='接入到第一条回复' />
        <StatCard title='人工客服评分' value={ratingLabel(chats.agentRating.average)} hint={`${chats.agentRating.count} 个评价`} />
        <StatCard title='智能客服评分' value={ratingLabel(chats.botRating.average)} hint={`${chats.botRating.count} 个评价`} />
      </View>
    </View>
  )
}

/** Tickets created in the range: counts, overdue, escalated, rating, SLA times and status mix. */
export function TicketFigures({ tickets, sla }: { tickets: TicketStats; sla: Overview['sla'] }) {
  return (
    <View className='ov__section' aria-label='工单'>
      <Text className='ov__heading'>工单</Text>
      <View className='ov__grid'>
        <StatCard title='新建工单' value={tickets.total} />
        <StatCard title='超时未处理' value={tickets.overdue} alert={tickets.overdue > 0} />
        <StatCard title='投诉升级' value={tickets.escalated} alert={tickets.escalated > 0} />
        <StatCard title='工单评分' value={ratingLabel(tickets.averageRating)} hint={`${tickets.ratedCount} 个评价`} />
      </View>
      <View className='ov__grid ov__grid--two'>
        <SlaCard title='平均首次响应' minutes={tickets.averageFirstResponseMinutes} targetHours={sla.firstResponseHours} />
        <SlaCard title='平均解决时长' minutes={tickets.averageResolutionMinutes} targetHours={sla.resolutionHours} />
      </View>
      <View className='ov-card ov-status'>
        <Text className='ov-card__label'>按状态</Text>
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
