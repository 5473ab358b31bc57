import type { Case, CaseSearchResult } from '@shared/case'
import { request } from '@/lib/http'

/** Cases found by a case number, an order number or a contact phone. */
export function searchCases(q: string): Promise<CaseSearchResult> {
  return request<CaseSearchResult>('/api/agent/cases', { scope: 'agent', query: { q } })
}

/** Everything under one case number. */
export function fetchCase(caseNo: string): Promise<Case> {
  return request<Case>(`/api/agent/cases/${encodeURIComponent(caseNo)}`, { scope: 'agent' })
}
