import { PrivacySheet } from '@/components/privacy-sheet'
import { Workspace } from '@/features/agent/components/workspace'
import { usePageShell } from '@/lib/page-shell'

/** 客服工作台 */
export default function AgentWorkspacePage() {
  usePageShell('titles.agentWorkspace')
  return (
    <>
      <Workspace />
      <PrivacySheet />
    </>
  )
}
