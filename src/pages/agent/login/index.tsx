import Taro, { useDidShow } from '@tarojs/taro'
import { AGENT_WORKSPACE_URL, currentAgent } from '@/features/agent/agent-auth.api'
import { LoginForm } from '@/features/agent/components/login-form'
import { usePageShell } from '@/lib/page-shell'

const toWorkspace = () => void Taro.redirectTo({ url: AGENT_WORKSPACE_URL })

/** 客服登录 */
export default function AgentLoginPage() {
  usePageShell('titles.agentLogin')
  useDidShow(() => {
    if (currentAgent()) toWorkspace()
  })
  return <LoginForm onSignedIn={toWorkspace} />
}
