import { PrivacySheet } from '@/components/privacy-sheet'
import { Workspace } from '@/features/agent/components/workspace'

/** 客服工作台 */
export default function AgentWorkspacePage() {
  return (
    <>
      <Workspace />
      <PrivacySheet />
    </>
  )
}
