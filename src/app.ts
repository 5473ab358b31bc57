import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { ensureSession } from '@/lib/session'
import './app.scss'

/** The app shell: signs the shopper in on launch so every page can call the API. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // A failed sign-in is retried by the HTTP client on the first real request.
    ensureSession().catch(() => undefined)
  })
  return children
}

export default App
