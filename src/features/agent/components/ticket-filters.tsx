import { Text, View } from '@tarojs/components'
import { SERVICE_TYPES } from '@shared/catalog-data'
import type { TicketStatusFilter } from '@shared/ticket-data'
import type { TicketFilter } from '../agent-tickets.api'
import { ticketStatusLabel } from '../ticket.helpers'
import './tickets.scss'

const STATUS_OPTIONS: { value: TicketStatusFilter | undefined; label: string }[] = [
  { value: 'open', label: '未解决' },
  { value: 'submitted', label: ticketStatusLabel('submitted') },
  { value: 'in_progress', label: ticketStatusLabel('in_progress') },
  { value: 'awaiting_customer', label: ticketStatusLabel('awaiting_customer') },
  { value: 'resolved', label: ticketStatusLabel('resolved') },
  { value: 'closed', label: ticketStatusLabel('closed') },
  { value: undefined, label: '全部' },
]

export interface TicketFiltersProps {
  filter: TicketFilter
  onChange: (patch: Partial<TicketFilter>) => void
}

function Chip({ label, active, onTap }: { label: string; active: boolean; onTap: () => void }) {
  return (
    <View
      className={`tk-chip ${active ? 'tk-chip--active' : ''}`}
      role='checkbox'
      ariaRole='checkbox'
      aria-checked={active}
      aria-label={label}
      onClick={onTap}
    >
      {label}
    </View>
  )
}

/** Status, service type, overdue and escalated filters for the ticket list. */
export function TicketFilters({ filter, onChange }: TicketFiltersProps) {
  return (
    <View className='tk-filters'>
      <View className='tk-filters__row'>
        <Text className='tk-filters__label'>状态</Text>
        {STATUS_OPTIONS.map((o) => (
          <Chip key={o.label} label={o.label} active={filter.status === o.value} onTap={() => onChange({ status: o.value })} />
        ))}
      </View>
      <View className='tk-filters__row'>
        <Text className='tk-filters__label'>类型</Text>
        <Chip label='全部类型' active={!filter.serviceType} onTap={() => onChange({ serviceType: undefined })} />
        {SERVICE_TYPES.map((t) => (
          <Chip key={t.id} label={t.zh} active={filter.serviceType === t.id} onTap={() => onChange({ serviceType: t.id })} />
        ))}
      </View>
      <View className='tk-filters__row'>
        <Text className='tk-filters__label'>标记</Text>
        <Chip label='已超时' active={Boolean(filter.overdue)} onTap={() => onChange({ overdue: !filter.overdue })} />
        <Chip label='已升级投诉' active={Boolean(filter.escalated)} onTap={() => onChange({ escalated: !filter.escalated })} />
      </View>
    </View>
  )
}
