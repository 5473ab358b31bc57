import { create } from 'zustand'
import type { FaqCategory, FaqEntry } from '@shared/help'
import { fetchFaq } from './help.api'

type Status = 'idle' | 'loading' | 'ready' | 'error'

interface HelpState {
  category: FaqCategory
  byCategory: Partial<Record<FaqCategory, FaqEntry[]>>
  categoryStatus: Status
  query: string
  results: FaqEntry[]
  searchStatus: Status
  openId: string | null
  selectCategory: (c: FaqCategory) => Promise<void>
  loadCategory: (force?: boolean) => Promise<void>
  search: (q: string) => Promise<void>
  toggle: (id: string) => void
}

// Only the newest search may write its results; earlier, slower answers are dropped.
let searchSeq = 0

/** FAQ browsing state of the help center: one category at a time, or a search. */
export const useHelpStore = create<HelpState>()((set, get) => ({
  category: 'order',
  byCategory: {},
  categoryStatus: 'idle',
  query: '',
  results: [],
  searchStatus: 'idle',
  openId: null,

  async selectCategory(c) {
    set({ category: c, openId: null })
    await get().loadCategory()
  },

  async loadCategory(force = false) {
    const { category, byCategory } = get()
    if (byCategory[category] && !force) return set({ categoryStatus: 'ready' })
    set({ categoryStatus: 'loading' })
    try {
      const { items } = await fetchFaq({ serviceType: category })
      set((s) => ({
        byCategory: { ...s.byCategory, [category]: items },
        categoryStatus: s.category === category ? 'ready' : s.categoryStatus,
      }))
    } catch {
      if (get().category === category) set({ categoryStatus: 'error' })
    }
  },

  async search(q) {
    const query = q.trim()
    const seq = ++searchSeq
    set({ query: q, openId: null })
    if (!query) return set({ results: [], searchStatus: 'idle' })
    set({ searchStatus: 'loading' })
    try {
      const { items } = await fetchFaq({ q: query })
      if (seq === searchSeq) set({ results: items, searchStatus: 'ready' })
    } catch {
      if (seq === searchSeq) set({ searchStatus: 'error' })
    }
  },

  toggle(id) {
    set((s) => ({ openId: s.openId === id ? null : id }))
  },
}))
