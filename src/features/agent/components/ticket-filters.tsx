import { Text, View } from '@tarojs/components'
import { SERVICE_TYPES } from '@shared/catalog-data'
import type { TicketStatusFilter } from '@shared/ticket-data'
import type { TicketFilter } from '../agent-tickets.api'
import { ticketStatusLabel } from '../ticket.helpers'
import './tickets.scss'
import { named, t } from '@/lib/i18n'

const STATUS_VALUES: (TicketStatusFilter | undefined)[] = [
  'open',
  'submitted',
  'in_progress',
  'awaiting_customer',
  'resolved',
  'closed',
  undefined,
]

const statusName = (v: TicketStatusFilter | undefined) =>
  v === 'open' ? t('agent.filter.open') : v ? ticketStatusLabel(v) : t('agent.filter.all')

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
        <Text className='tk-filters__label'>{t('agent.filter.status')}</Text>
        {STATUS_VALUES.map((v) => (
          <Chip key={v ?? 'all'} label={statusName(v)} active={filter.status === v} onTap={() => onChange({ status: v })} />
        ))}
      </View>
      <View className='tk-filters__row'>
        <Text className='tk-filters__label'>{t('agent.filter.type')}</Text>
        <Chip label={t('agent.filter.allTypes')} active={!filter.serviceType} onTap={() => onChange({ serviceType: undefined })} />
        {SERVICE_TYPES.map((type) => (
          <Chip
            key={type.id}
            label={named(type)}
            active={filter.serviceType === type.id}
            onTap={() => onChange({ serviceType: type.id })}
          />
        ))}
      </View>
      <View className='tk-filters__row'>
        <Text className='tk-filters__label'>{t('agent.filter.flags')}</Text>
        <Chip label={t('agent.filter.overdue')} active={Boolean(filter.overdue)} onTap={() => onChange({ overdue: !filter.overdue })} />
        <Chip
          label={t('agent.filter.escalated')}
          active={Boolean(filter.escalated)}
          onTap={() => onChange({ escalated: !filter.escalated })}
        />
      </View>
    </View>
  )
}
