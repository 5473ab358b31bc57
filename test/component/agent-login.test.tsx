import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { memoryStorage } from '../support/taro-mock'
import { reply, routeRequests, typeInto } from '../support/agent-fixtures'
import AgentLoginPage from '@/pages/agent/login/index'
import { getSession, setSession } from '@/lib/session'

const agentSession = {
  token: 'agent-token',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user: { id: 'a1', role: 'agent', displayName: '小艾' },
}

describe('agent login page', () => {
  beforeEach(() => {
    memoryStorage.clear()
    setSession(null, 'agent')
    jest.clearAllMocks()
  })

  it('explains how to create the first agent account', () => {
    render(<AgentLoginPage />)
    expect(screen.getByText(/npm run agent:create -- --username/)).toBeInTheDocument()
  })

  it('signs in into the agent scope without touching the shopper session', async () => {
    const shopper = { ...agentSession, token: 'shopper-token', user: { id: 's1', role: 'shopper' as const, displayName: '顾客' } }
    setSession(shopper)
    const calls = routeRequests({ 'POST /api/auth/agent': () => agentSession })
    render(<AgentLoginPage />)
    typeInto('用户名', ' alice ')
    typeInto('密码', 'secret-pw')
    await act(async () => fireEvent.click(screen.getByLabelText('登录')))
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/auth/agent', data: { username: 'alice', password: 'secret-pw' } })
    expect(calls[0].header.Authorization).toBeUndefined()
    expect(getSession('agent')?.token).toBe('agent-token')
    expect(getSession()?.token).toBe('shopper-token')
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/agent/workspace/index' })
  })

  it('says so when the password is wrong and stays on the page', async () => {
    routeRequests({
      'POST /api/auth/agent': () => reply(401, { error: { code: 'BAD_CREDENTIALS', message: 'Wrong username or password.' } }),
    })
    render(<AgentLoginPage />)
    typeInto('用户名', 'alice')
    typeInto('密码', 'nope')
    await act(async () => fireEvent.click(screen.getByLabelText('登录')))
    expect(screen.getByRole('alert')).toHaveTextContent('用户名或密码不正确')
    expect(getSession('agent')).toBeNull()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('sends an agent who is already signed in straight to the workspace', () => {
    setSession(agentSession as never, 'agent')
    render(<AgentLoginPage />)
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/agent/workspace/index' })
  })
})
