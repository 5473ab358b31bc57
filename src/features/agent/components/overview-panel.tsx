import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { TicketStats } from '@shared/ticket'
import { TICKET_STATUSES } from '@shared/ticket-data'
import { ApiError } from '@/lib/http'
import { fetchTicketStats } from '../agent-tickets.api'
import { durationLabel, ratingLabel, SLA_TARGETS, slaLevel, type SlaLevel } from '../agent.helpers'
import { ticketStatusLabel } from '../ticket.helpers'
import './overview-panel.scss'

type Range = 'today' | 'week'

/** Midnight today, or midnight six days ago (so "7 days" includes today), as ISO. */
export function rangeStart(range: Range, now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  if (range === 'week') d.setDate(d.getDate() - 6)
  return d.toISOString()
}

const LEVEL_TEXT: Record<SlaLevel, string> = { ok: '达标', warn: '接近时限', breach: '超出时限', none: '暂无数据' }

function SlaCard({ title, minutes, targetHours }: { title: string; minutes: number | null; targetHours: number }) {
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
        目标 {targetHours >= 48 ? `${targetHours / 24} 天` : `${targetHours} 小时`} · {LEVEL_TEXT[level]}
      </Text>
    </View>
  )
}

/** Ticket counts by status, overdue, escalated, rating and SLA times, for today or the last 7 days. */
export function OverviewPanel() {
  const [range, setRange] = useState<Range>('today')
  const [stats, setStats] = useState<TicketStats | null>(null)
  const [error, setError] = useState('')
  const load = useCallback(async (r: Range) => {
    setError('')
    try {
      setStats(await fetchTicketStats(rangeStart(r)))
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '统计加载失败')
    }
  }, [])
  useEffect(() => {
    setStats(null)
    void load(range)
  }, [range, load])

  return (
    <View className='ov'>
      <View className='ov__ranges' role='tablist'>
        {(['today', 'week'] as const).map((r) => (
          <View
            key={r}
            className={`ov__range ${r === range ? 'ov__range--active' : ''}`}
            role='tab'
            aria-selected={r === range}
            onClick={() => setRange(r)}
          >
            {r === 'today' ? '今天' : '近 7 天'}
          </View>
        ))}
        <View className='ov__refresh' role='button' aria-label='刷新' onClick={() => void load(range)}>
          刷新
        </View>
      </View>
      {error ? <View className='ov__state'>{error}</View> : null}
      {!stats && !error ? <View className='ov__state'>加载统计…</View> : null}
      {stats ? (
        <>
          <View className='ov__grid'>
            <View className='ov-card' aria-label='新建工单'>
              <Text className='ov-card__label'>新建工单</Text>
              <Text className='ov-card__value'>{stats.total}</Text>
            </View>
            <View className={`ov-card ${stats.overdue ? 'ov-card--alert' : ''}`} aria-label='超时未处理'>
              <Text className='ov-card__label'>超时未处理</Text>
              <Text className='ov-card__value'>{stats.overdue}</Text>
            </View>
            <View className={`ov-card ${stats.escalated ? 'ov-card--alert' : ''}`} aria-label='投诉升级'>
              <Text className='ov-card__label'>投诉升级</Text>
              <Text className='ov-card__value'>{stats.escalated}</Text>
            </View>
            <View className='ov-card' aria-label='平均评分'>
              <Text className='ov-card__label'>平均评分</Text>
              <Text className='ov-card__value'>{ratingLabel(stats.averageRating)}</Text>
              <Text className='ov-card__hint'>{stats.ratedCount} 个评价</Text>
            </View>
          </View>
          <View className='ov__grid ov__grid--two'>
            <SlaCard title='平均首次响应' minutes={stats.averageFirstResponseMinutes} targetHours={SLA_TARGETS.firstResponseHours} />
            <SlaCard title='平均解决时长' minutes={stats.averageResolutionMinutes} targetHours={SLA_TARGETS.resolutionHours} />
          </View>
          <View className='ov-card ov-status'>
            <Text className='ov-card__label'>按状态</Text>
            {TICKET_STATUSES.map((s) => (
              <View key={s} className='ov-status__row'>
                <Text className='ov-status__name'>{ticketStatusLabel(s)}</Text>
                <View className='ov-status__bar'>
                  <View
                    className={`ov-status__fill ov-status__fill--${s}`}
                    style={{ width: `${stats.total ? (stats.byStatus[s] / stats.total) * 100 : 0}%` }}
                  />
                </View>
                <Text className='ov-status__count'>{stats.byStatus[s]}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </View>
  )
}
