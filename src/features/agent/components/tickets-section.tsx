import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { useTicketsStore } from '../agent-tickets.store'
import { TicketDetail } from './ticket-detail'
import { TicketFilters } from './ticket-filters'
import { TicketList } from './ticket-list'
import { focusable } from '@/lib/a11y'
import { t } from '@/lib/i18n'

/** Filters and list | the selected ticket with its timeline and actions. */
export function TicketsSection() {
  const s = useTicketsStore()
  const { load, watch } = s
  useEffect(() => {
    void load()
    return watch()
  }, [load, watch])

  return (
    <View className={`ws__cols ws__cols--two ${s.selectedId ? 'ws--has-detail' : ''}`}>
      <View className='ws__list'>
        <TicketFilters filter={s.filter} onChange={(p) => void s.setFilter(p)} />
        <TicketList
          items={s.items}
          selectedId={s.selectedId}
          loading={s.loading}
          error={s.error}
          hasMore={Boolean(s.nextCursor)}
          onSelect={(t) => void s.select(t.id)}
          onMore={() => void s.loadMore()}
          onRetry={() => void load()}
        />
      </View>
      <View className='ws__main ws__main--scroll' {...focusable}>
        {s.selectedId ? (
          <>
            <View
              className='ws__back'
              role='button'
              ariaRole='button'
              aria-label={t('agent.tkList.back')}
              onClick={() => void s.select(null)}
            >
              ‹ {t('agent.tkList.title')}
            </View>
            {s.detail ? (
              <TicketDetail
                ticket={s.detail}
                busy={s.busy}
                error={s.detailError}
                onReply={(text, internal) => s.reply({ text, internal, attachments: [] })}
                onTransition={(body) => s.transition(body)}
              />
            ) : (
              <View className='ws__hint'>{s.detailError ?? t('agent.tkList.loading')}</View>
            )}
          </>
        ) : (
          <View className='ws__hint'>{t('agent.tkList.pick')}</View>
        )}
      </View>
    </View>
  )
}
