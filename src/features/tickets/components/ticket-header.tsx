import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { getOutcome } from '@shared/catalog-data'
import type { TicketDetail } from '@shared/ticket'
import { slaLines, statusLabel, statusMeaning, ticketTitle } from '../ticket-status.helpers'
import { named, t as tx } from '@/lib/i18n'

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
        {t.overdue && <Text className='td-flag td-flag--late'>{tx('tickets.overdue')}</Text>}
        {t.escalated && <Text className='td-flag td-flag--esc'>{tx('tickets.escalated')}</Text>}
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
        <View className='td-info__row' role='button' ariaRole='button' onClick={copy}>
          <Text className='td-info__key'>{tx('tickets.ticketNo')}</Text>
          <Text className='td-info__val'>{t.ticketNo}</Text>
          <Text className='td-info__copy'>{tx('tickets.copy')}</Text>
        </View>
        {t.orderNo && <InfoRow k={tx('tickets.orderNo')} v={t.orderNo} />}
        {t.productName && <InfoRow k={tx('tickets.product')} v={t.productName} />}
        {t.outcome && <InfoRow k={tx('tickets.wantedOutcome')} v={named(getOutcome(t.outcome) ?? { zh: t.outcome, en: t.outcome })} />}
        {t.resolutionSummary && <InfoRow k={tx('tickets.result')} v={t.resolutionSummary} />}
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
