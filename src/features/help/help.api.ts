import { request } from '@/lib/http'
import { preferredLang } from '@/lib/platform'
import type { FaqCategory, FaqList } from '@shared/help'

/** FAQ entries of one category, or ranked search results when `q` is given. */
export function fetchFaq(params: { serviceType?: FaqCategory; q?: string }): Promise<FaqList> {
  return request<FaqList>('/api/help/faq', { query: { ...params, lang: preferredLang() } })
}
