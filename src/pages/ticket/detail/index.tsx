import { useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow, useRouter, useUnload } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PrivacySheet } from '@/components/privacy-sheet'
import { BackBar } from '@/features/tickets/components/back-bar'
import { useCareModeClass } from '@/lib/care-mode'
import { TicketDetailView } from '@/features/tickets/components/ticket-detail-view'
import { POLL_MS, useTicketDetail } from '@/features/tickets/use-ticket-detail'
import { t } from '@/lib/i18n'
import { usePageShell } from '@/lib/page-shell'

/** 工单详情: refreshes on show and polls while visible. */
export default function TicketDetailPage() {
  usePageShell('titles.ticketDetail')
  const care = useCareModeClass()
  const { params } = useRouter()
  const id = params.id ?? ''
  const { ticket, error, changes, dismissChanges, busy, load, run } = useTicketDetail(id)
  const [now, setNow] = useState(() => new Date())
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  const stop = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
  }
  const tick = (announce: boolean) => {
    setNow(new Date())
    void load(announce)
  }
  useDidShow(() => {
    tick(true)
    stop()
    timer.current = setInterval(() => tick(true), POLL_MS)
  })
  useDidHide(stop)
  useUnload(stop)
  useEffect(() => stop, [])
  if (!ticket) {
    return (
      <View className={`page ${care}`}>
        <BackBar title={t('tickets.detailTitle')} fallbackTab='/pages/tickets/index' />
        <Text className={error ? 'td-error' : 'td-loading'}>{error ?? t('tickets.loading')}</Text>
      </View>
    )
  }
  return (
    <View className={`page ${care}`}>
      <BackBar title={t('tickets.detailTitle')} fallbackTab='/pages/tickets/index' />
      <TicketDetailView
        ticket={ticket}
        now={now}
        changes={changes}
        created={params.created === '1'}
        busy={busy}
        run={run}
        onDismissChanges={dismissChanges}
      />
      <PrivacySheet />
    </View>
  )
}
