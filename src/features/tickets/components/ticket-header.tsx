import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { getOutcome } from '@shared/catalog-data'
import type { TicketDetail } from '@shared/ticket'
import { slaLines, statusLabel, statusMeaning, ticketTitle } from '../ticket-status.helpers'

interface Props {
  ticket: TicketDetail
  now: Date
}

/** Status in plain words, SLA countdowns, the copyable ticket number and what was asked. */
export function TicketHeader({ ticket: t, now }: Props) {
  const copy = () => Taro.setClipboardData({ data: t.ticketNo })
  return (
    <View className={`td-head td-head--${t.status}`}>
      <View className='td-head__status'>
        <Text className='td-head__label'>{statusLabel(t.status)}</Text>
        {t.overdue && <Text className='td-flag td-flag--late'>已超时</Text>}
        {t.escalated && <Text className='td-flag td-flag--esc'>已投诉</Text>}
      </View>
      <Text className='td-head__meaning'>{statusMeaning(t, now)}</Text>
      {slaLines(t, now).map((l) => (
        <View key={l.label} className={`td-sla ${l.late ? 'td-sla--late' : ''}`}>
          <Text className='td-sla__label'>{l.label}</Text>
          <Text className='td-sla__text'>{l.text}</Text>
        </View>
      ))}
      <View className='td-card td-info'>
        <Text className='td-info__title'>{ticketTitle(t)}</Text>
        <View className='td-info__row' role='button' aria-label={`复制工单号 ${t.ticketNo}`} onClick={copy}>
          <Text className='td-info__key'>工单号</Text>
          <Text className='td-info__val'>{t.ticketNo}</Text>
          <Text className='td-info__copy'>复制</Text>
        </View>
        {t.orderNo && <InfoRow k='订单号' v={t.orderNo} />}
        {t.productName && <InfoRow k='商品' v={t.productName} />}
        {t.outcome && <InfoRow k='期望处理' v={getOutcome(t.outcome)?.zh ?? t.outcome} />}
        {t.resolutionSummary && <InfoRow k='处理结果' v={t.resolutionSummary} />}
      </View>
    </View>
  )
}

function InfoRow({ k, v }: { k: string; v: string }) {
  return (
    <View className='td-info__row'>
      <Text className='td-info__key'>{k}</Text>
      <Text className='td-info__val'>{v}</Text>
    </View>
  )
}
