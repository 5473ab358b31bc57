import { useCallback, useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { Overview, OverviewRange } from '@shared/agent'
import { ApiError } from '@/lib/http'
import { fetchOverview } from '../agent-overview.api'
import { ChatFigures, TicketFigures } from './overview-cards'
import './overview-panel.scss'
import { t } from '@/lib/i18n'

const RANGES: OverviewRange[] = ['today', '7d']

/** Chat and ticket figures against the SLA, for today or the last 7 days. */
export function OverviewPanel() {
  const [range, setRange] = useState<OverviewRange>('today')
  const [data, setData] = useState<Overview | null>(null)
  const [error, setError] = useState('')
  const current = useRef(range)
  const load = useCallback(async (r: OverviewRange) => {
    setError('')
    try {
      const next = await fetchOverview(r)
      // A slow answer for a range switched away from must not replace the one now shown.
      if (current.current === r) setData(next)
    } catch (err) {
      if (current.current === r) setError(err instanceof ApiError ? err.message : t('agent.ov.loadFailed'))
    }
  }, [])
  useEffect(() => {
    current.current = range
    setData(null)
    void load(range)
  }, [range, load])

  return (
    <View className='ov'>
      <View className='ov__ranges'>
        <View className='ov__tabs' role='tablist' ariaRole='tablist'>
          {RANGES.map((r) => (
            <View
              key={r}
              className={`ov__range ${r === range ? 'ov__range--active' : ''}`}
              role='tab'
              ariaRole='tab'
              aria-selected={r === range}
              onClick={() => setRange(r)}
            >
              {t(`agent.ov.range.${r}`)}
            </View>
          ))}
        </View>
        <View className='ov__refresh' role='button' ariaRole='button' aria-label={t('agent.ov.refresh')} onClick={() => void load(range)}>
          {t('agent.ov.refresh')}
        </View>
      </View>
      {error ? (
        <View className='ov__state' role='alert' ariaRole='alert'>
          {error}
        </View>
      ) : null}
      {!data && !error ? <View className='ov__state'>{t('agent.ov.loading')}</View> : null}
      {data ? (
        <>
          <ChatFigures chats={data.chats} />
          <TicketFigures tickets={data.tickets} sla={data.sla} />
        </>
      ) : null}
    </View>
  )
}
