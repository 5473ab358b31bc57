import { type PropsWithChildren } from 'react'
import { useDidHide, useDidShow, useLaunch } from '@tarojs/taro'
import { mergeInternalComponents } from '@tarojs/shared'
import { weappAriaAttributes } from '@/lib/weapp-aria'
import { installPrivacyConsent } from '@/lib/privacy'
import { ensureSession } from '@/lib/session'
import { syncTabBadge } from '@/features/chat/chat.actions'
import { chat } from '@/features/chat/chat.store'
import './styles/tokens.scss'
import './components/ui.scss'
import './app.scss'

// The runtime's attribute table must match base.wxml, or aria-* props never reach the view layer.
if (process.env.TARO_ENV === 'weapp') mergeInternalComponents(weappAriaAttributes())

/**
 * The app shell: signs the shopper in on launch so every page can call the API, and keeps
 * the chat's realtime loop running while the app is in front (for the unread badge).
 */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyConsent()
    // A failed sign-in is retried by the HTTP client on the first real request.
    ensureSession().catch(() => undefined)
    syncTabBadge()
  })
  useDidShow(() => chat.resume())
  useDidHide(() => chat.pause())
  return children
}

export default App
