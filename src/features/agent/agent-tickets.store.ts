import { create } from 'zustand'
import { t } from '@/lib/i18n'
import type { AgentReplyBody, AgentTicket, AgentTicketDetail, TransitionBody } from '@shared/ticket'
import { ApiError } from '@/lib/http'
import { backoffMs } from '@/lib/conversation'
import { fetchTicket, fetchTickets, replyTicket, transitionTicket, waitTicketChanges, type TicketFilter } from './agent-tickets.api'

interface TicketsState {
  filter: TicketFilter
  items: AgentTicket[]
  nextCursor: string | null
  loading: boolean
  error: string | null
  selectedId: string | null
  detail: AgentTicketDetail | null
  detailError: string | null
  busy: boolean
  /** Replaces the filter and reloads the first page. */
  setFilter: (patch: Partial<TicketFilter>) => Promise<void>
  load: () => Promise<void>
  loadMore: () => Promise<void>
  select: (id: string | null) => Promise<void>
  /** Runs a status move; resolves true when the server accepted it. */
  transition: (body: TransitionBody) => Promise<boolean>
  /** Sends a reply (or internal note); resolves true when stored. */
  reply: (body: AgentReplyBody) => Promise<boolean>
  /** Keeps the list and the open ticket live (a shopper's 补充说明 shows without a reload). */
  watch: () => () => void
}

const messageOf = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback)
let listGen = 0

/** Tickets section: filtered list with paging, the selected ticket and its actions. */
export const useTicketsStore = create<TicketsState>()((set, get) => {
  async function refreshDetail(id: string): Promise<void> {
    const detail = await fetchTicket(id)
    if (get().selectedId !== id) return
    set((s) => ({ detail, items: s.items.map((t) => (t.id === id ? { ...t, ...stripTimeline(detail) } : t)) }))
  }
  async function act(run: () => Promise<unknown>, fallback: string): Promise<boolean> {
    const id = get().selectedId
    if (!id) return false
    set({ busy: true, detailError: null })
    try {
      await run()
      await refreshDetail(id)
      return true
    } catch (err) {
      set({ detailError: messageOf(err, fallback) })
      return false
    } finally {
      set({ busy: false })
    }
  }
  return {
    filter: { status: 'open' },
    items: [],
    nextCursor: null,
    loading: false,
    error: null,
    selectedId: null,
    detail: null,
    detailError: null,
    busy: false,
    setFilter: async (patch) => {
      set((s) => ({ filter: { ...s.filter, ...patch } }))
      await get().load()
    },
    load: async () => {
      const gen = ++listGen
      set({ loading: true, error: null })
      try {
        const page = await fetchTickets(get().filter)
        if (gen === listGen) set({ items: page.items, nextCursor: page.nextCursor, loading: false })
      } catch (err) {
        if (gen === listGen) set({ loading: false, error: messageOf(err, t('agent.tkStore.loadFailed')) })
      }
    },
    loadMore: async () => {
      const { nextCursor, loading } = get()
      if (!nextCursor || loading) return
      const gen = listGen
      set({ loading: true })
      try {
        const page = await fetchTickets(get().filter, nextCursor)
        if (gen === listGen) set((s) => ({ items: [...s.items, ...page.items], nextCursor: page.nextCursor, loading: false }))
      } catch (err) {
        if (gen === listGen) set({ loading: false, error: messageOf(err, t('agent.tkStore.loadFailed')) })
      }
    },
    select: async (id) => {
      set({ selectedId: id, detail: null, detailError: null })
      if (!id) return
      try {
        await refreshDetail(id)
      } catch (err) {
        if (get().selectedId === id) set({ detailError: messageOf(err, t('agent.tkStore.detailFailed')) })
      }
    },
    watch: () => {
      let stopped = false
      void (async () => {
        let token: string | null = null
        let failures = 0
        while (!stopped) {
          try {
            const next: string = (await waitTicketChanges(token)).token
            failures = 0
            if (stopped) return
            if (token !== null && next !== token) {
              await get().load()
              const id = get().selectedId
              if (id) await refreshDetail(id).catch(() => undefined)
            }
            token = next
          } catch (err) {
            if (stopped || (err instanceof ApiError && (err.status === 401 || err.status === 403))) return
            failures += 1
            await new Promise((r) => setTimeout(r, backoffMs(failures)))
          }
        }
      })()
      return () => {
        stopped = true
      }
    },
    transition: (body) => act(() => transitionTicket(get().selectedId!, body), t('agent.tkStore.actionFailed')),
    reply: (body) => act(() => replyTicket(get().selectedId!, body), t('agent.tkStore.sendFailed')),
  }
})

function stripTimeline(d: AgentTicketDetail): AgentTicket {
  const { timeline: _timeline, ...ticket } = d
  return ticket
}
