import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { TicketList } from '@/features/tickets/components/ticket-list'
import { useTickets } from '@/features/tickets/tickets.store'
import { usePageShell } from '@/lib/page-shell'
import { useCareModeClass } from '@/lib/care-mode'

/** 我的工单 (tab): 处理中 / 待我确认 / 已完成, pull to refresh, more on scroll. */
export default function TicketsPage() {
  usePageShell('titles.tickets', true)
  const care = useCareModeClass()
  const { group, lists, setGroup, refresh, loadMore } = useTickets()
  const [now, setNow] = useState(() => new Date())
  const reload = async () => {
    setNow(new Date())
    await refresh()
  }
  useDidShow(() => void reload())
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())
  const pick = (g: typeof group) => {
    setGroup(g)
    void refresh(g)
  }
  return (
    <View className={`page ${care}`}>
      <TicketList group={group} list={lists[group]} now={now} onGroup={pick} onRetry={() => void reload()} />
    </View>
  )
}
