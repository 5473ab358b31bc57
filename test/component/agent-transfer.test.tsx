import { act, fireEvent, render, screen } from '@testing-library/react'
import { TransferSheet } from '@/features/agent/components/transfer-sheet'
import { AGENT_ID, routeRequests, signInAgent } from '../support/agent-fixtures'

describe('transfer sheet', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    signInAgent()
  })

  it('offers only colleagues who are signed in now, with their presence shown', async () => {
    routeRequests({
      'GET /api/agent/agents': () => ({
        items: [
          { id: AGENT_ID, displayName: '小艾', activeConversations: 2, online: true },
          { id: 'b', displayName: '小博', activeConversations: 1, online: false },
          { id: 'c', displayName: '小卡', activeConversations: 0, online: true },
        ],
      }),
    })
    const onPick = jest.fn()
    render(<TransferSheet selfId={AGENT_ID} onPick={onPick} onClose={jest.fn()} />)
    const away = await screen.findByLabelText('转给 小博（离线）')
    expect(away).toHaveAttribute('aria-disabled', 'true')
    await act(async () => fireEvent.click(away))
    expect(onPick).not.toHaveBeenCalled()
    await act(async () => fireEvent.click(screen.getByLabelText('转给 小卡（在线）')))
    expect(onPick).toHaveBeenCalledWith({ agentId: 'c' })
    expect(screen.queryByLabelText(/转给 小艾/)).toBeNull()
  })
})
