import { useCallback, useRef, useState } from 'react'
import type { TicketDetail } from '@shared/ticket'
import { ApiError } from '@/lib/http'
import { getTicket } from './tickets.api'
import { whatChanged } from './ticket-status.helpers'
import { t } from '@/lib/i18n'

export const POLL_MS = 15_000

/** A ticket's detail: load, silent refresh that reports what changed, and actions that return the new state. */
export function useTicketDetail(id: string) {
  const [ticket, setTicket] = useState<TicketDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [changes, setChanges] = useState<string[]>([])
  const [busy, setBusy] = useState<string | null>(null)
  const current = useRef<TicketDetail | null>(null)

  const accept = useCallback((next: TicketDetail, announce: boolean) => {
    const prev = current.current
    if (announce && prev) {
      const diff = whatChanged(prev, next)
      if (diff.length) setChanges(diff)
    }
    current.current = next
    setTicket(next)
  }, [])

  /** Loads the ticket; `announce` shows what changed since the last load (polling, on show). */
  const load = useCallback(
    async (announce = false) => {
      try {
        accept(await getTicket(id), announce)
        setError(null)
      } catch (e) {
        // A failed background poll keeps the last good view; only the first load shows the error.
        if (!current.current) setError(e instanceof ApiError ? e.message : t('tickets.loadFailed'))
      }
    },
    [id, accept],
  )

  /** Runs a shopper action; resolves true on success, false with an error toast text otherwise. */
  const run = useCallback(
    async (name: string, fn: () => Promise<TicketDetail | unknown>): Promise<string | null> => {
      setBusy(name)
      try {
        const res = await fn()
        if (res && typeof res === 'object' && 'timeline' in res) accept(res as TicketDetail, false)
        else await load(false)
        return null
      } catch (e) {
        return e instanceof ApiError ? e.message : t('tickets.actionFailed')
      } finally {
        setBusy(null)
      }
    },
    [accept, load],
  )

  return { ticket, error, changes, dismissChanges: () => setChanges([]), busy, load, run }
}
