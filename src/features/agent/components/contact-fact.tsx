import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { AgentTicket } from '@shared/ticket'
import { revealTicketContact } from '../agent-tickets.api'
import { t } from '@/lib/i18n'

type Field = 'phone' | 'email'

/** The shopper's contact details, masked; an agent taps to see one in full (the server records it). */
export function ContactFact({ ticketId, contact }: { ticketId: string; contact: AgentTicket['contact'] }) {
  const [full, setFull] = useState<Partial<Record<Field, string>>>({})
  const [failed, setFailed] = useState(false)
  const fields = (['phone', 'email'] as const).filter((f) => contact[f])
  if (fields.length === 0) return null
  const reveal = (field: Field) => {
    setFailed(false)
    revealTicketContact(ticketId, field)
      .then((r) => r.value && setFull((prev) => ({ ...prev, [field]: r.value! })))
      .catch(() => setFailed(true))
  }
  return (
    <View className='tk-fact'>
      <Text className='tk-fact__label'>{t('agent.contact.label')}</Text>
      <View className='tk-fact__value'>
        {fields.map((f) => (
          <View key={f} className='tk-contact'>
            <Text>{full[f] ?? contact[f]}</Text>
            {full[f] ? null : (
              <Button
                className='tk-contact__reveal'
                size='mini'
                aria-label={f === 'phone' ? t('agent.contact.revealPhone') : t('agent.contact.revealEmail')}
                onClick={() => reveal(f)}
              >
                {t('agent.contact.reveal')}
              </Button>
            )}
          </View>
        ))}
        {failed ? <Text className='tk-contact__error'>{t('agent.contact.failed')}</Text> : null}
      </View>
    </View>
  )
}
