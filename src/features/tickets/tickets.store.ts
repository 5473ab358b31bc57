import { create } from 'zustand'
import type { Ticket, TicketGroup } from '@shared/ticket'
import { ApiError } from '@/lib/http'
import { listTickets } from './tickets.api'
import { t } from '@/lib/i18n'

export interface GroupList {
  items: Ticket[]
  nextCursor: string | null
  /** True once the first page has arrived (distinguishes "empty" from "not loaded yet"). */
  loaded: boolean
  loading: boolean
  error: string | null
}

interface TicketsState {
  group: TicketGroup
  lists: Record<TicketGroup, GroupList>
  setGroup(g: TicketGroup): void
  /** Reloads the first page of a tab (pull-to-refresh, on show). */
  refresh(g?: TicketGroup): Promise<void>
  /** Appends the next page of a tab, if any (infinite scroll). */
  loadMore(g?: TicketGroup): Promise<void>
}

const empty = (): GroupList => ({ items: [], nextCursor: null, loaded: false, loading: false, error: null })
// Each tab keeps a request counter so a late page from an older refresh cannot overwrite a newer one.
const generation: Record<TicketGroup, number> = { active: 0, awaiting_me: 0, done: 0 }
const message = (e: unknown) => (e instanceof ApiError ? e.message : t('tickets.loadFailed'))

/** The shopper's tickets, one cursor-paged list per tab. */
export const useTickets = create<TicketsState>()((set, get) => {
  const patch = (g: TicketGroup, p: Partial<GroupList>) => set((s) => ({ lists: { ...s.lists, [g]: { ...s.lists[g], ...p } } }))
  return {
    group: 'active',
    lists: { active: empty(), awaiting_me: empty(), done: empty() },
    setGroup: (g) => set({ group: g }),
    refresh: async (g = get().group) => {
      const gen = ++generation[g]
      patch(g, { loading: true, error: null })
      try {
        const page = await listTickets(g)
        if (gen === generation[g]) patch(g, { items: page.items, nextCursor: page.nextCursor, loaded: true, loading: false })
      } catch (e) {
        if (gen === generation[g]) patch(g, { loading: false, error: message(e) })
      }
    },
    loadMore: async (g = get().group) => {
      const list = get().lists[g]
      if (list.loading || !list.nextCursor) return
      const gen = generation[g]
      patch(g, { loading: true, error: null })
      try {
        const page = await listTickets(g, list.nextCursor)
        if (gen !== generation[g]) return
        const seen = new Set(get().lists[g].items.map((t) => t.id))
        patch(g, {
          items: [...get().lists[g].items, ...page.items.filter((t) => !seen.has(t.id))],
          nextCursor: page.nextCursor,
          loading: false,
        })
      } catch (e) {
        if (gen === generation[g]) patch(g, { loading: false, error: message(e) })
      }
    },
  }
})
