import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { Overview } from '@shared/agent'
import { OverviewPanel } from '@/features/agent/components/overview-panel'
import { reply, routeRequests, signInAgent } from '../support/agent-fixtures'

function overview(range: Overview['range'], patch: Partial<Overview['chats']> = {}): Overview {
  return {
    range,
    since: '2026-03-09T16:00:00.000Z',
    until: '2026-03-10T04:00:00.000Z',
    sla: { firstResponseHours: 24, resolutionHours: 72 },
    chats: {
      started: 40,
      handedOver: 10,
      waitingNow: 3,
      averageQueueWaitMinutes: 4.5,
      averageFirstAgentResponseMinutes: 1.2,
      botRating: { average: 3.75, count: 8 },
      agentRating: { average: 4.6, count: 5 },
      ...patch,
    },
    tickets: {
      since: '2026-03-09T16:00:00.000Z',
      total: 6,
      byStatus: { submitted: 2, in_progress: 2, awaiting_customer: 1, resolved: 1, closed: 0 },
      overdue: 1,
      escalated: 0,
      averageRating: null,
      ratedCount: 0,
      averageFirstResponseMinutes: 20 * 60,
      averageResolutionMinutes: 80 * 60,
    },
  }
}

const card = (label: string) => within(screen.getByLabelText(label))

describe('agent overview', () => {
  beforeEach(() => signInAgent())

  it('shows chat and ticket figures for today against the SLA', async () => {
    const calls = routeRequests({ 'GET /api/agent/overview': () => overview('today') })
    render(<OverviewPanel />)
    await screen.findByLabelText('新会话')
    expect(calls[0].path).toBe('/api/agent/overview')
    expect(card('新会话').getByText('40')).toBeInTheDocument()
    expect(card('转人工').getByText('占 25%')).toBeInTheDocument()
    expect(screen.getByLabelText('正在排队')).toHaveClass('ov-card--alert')
    expect(card('平均排队').getByText('4 分钟')).toBeInTheDocument()
    expect(card('客服首次回复').getByText('1 分钟')).toBeInTheDocument()
    expect(card('人工客服评分').getByText('4.6')).toBeInTheDocument()
    expect(card('智能客服评分').getByText('3.8')).toBeInTheDocument()
    expect(card('工单评分').getByText('—')).toBeInTheDocument()
    expect(screen.getByLabelText('超时未处理')).toHaveClass('ov-card--alert')
    // 20 h of a 24 h target is close to the limit; 80 h of 72 h is past it.
    expect(screen.getByLabelText('平均首次响应')).toHaveClass('ov-sla--warn')
    expect(card('平均首次响应').getByText('目标 24 小时 · 接近时限')).toBeInTheDocument()
    expect(screen.getByLabelText('平均解决时长')).toHaveClass('ov-sla--breach')
    expect(card('平均解决时长').getByText('目标 3 天 · 超出时限')).toBeInTheDocument()
    expect(screen.getByLabelText('已提交 2')).toBeInTheDocument()
  })

  it('switches to the last 7 days and asks with this device’s UTC offset', async () => {
    const urls: string[] = []
    routeRequests({
      'GET /api/agent/overview': ({ url }) => {
        urls.push(url)
        return url.includes('range=7d') ? overview('7d', { started: 280 }) : overview('today')
      },
    })
    render(<OverviewPanel />)
    await screen.findByText('40')
    await act(async () => fireEvent.click(screen.getByRole('tab', { name: '近 7 天' })))
    expect(await card('新会话').findByText('280')).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: '近 7 天' })).toHaveAttribute('aria-selected', 'true')
    expect(urls).toEqual([
      `/api/agent/overview?range=today&utcOffset=${-new Date().getTimezoneOffset()}`,
      `/api/agent/overview?range=7d&utcOffset=${-new Date().getTimezoneOffset()}`,
    ])
  })

  it('says in the agent’s language that the overview cannot load, and retries on refresh', async () => {
    let fail = true
    routeRequests({
      'GET /api/agent/overview': () =>
        fail ? reply(503, { error: { code: 'UNAVAILABLE', message: 'The statistics service is unavailable' } }) : overview('today'),
    })
    render(<OverviewPanel />)
    expect(await screen.findByRole('alert')).toHaveTextContent('操作没有成功，请稍后重试')
    fail = false
    await act(async () => fireEvent.click(screen.getByLabelText('刷新')))
    expect(await screen.findByLabelText('新会话')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
