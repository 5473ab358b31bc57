import Taro from '@tarojs/taro'
import { isH5 } from '../platform'

/** Calls `onChange` when connectivity changes; returns a function that stops listening. */
export function watchNetwork(onChange: (online: boolean) => void): () => void {
  const onStatus = (res: { isConnected: boolean }) => onChange(res.isConnected)
  Taro.onNetworkStatusChange?.(onStatus)
  // Browsers report connectivity through window events, not the Network Information API.
  const up = () => onChange(true)
  const down = () => onChange(false)
  if (isH5 && typeof window !== 'undefined') {
    window.addEventListener('online', up)
    window.addEventListener('offline', down)
  }
  return () => {
    Taro.offNetworkStatusChange?.(onStatus)
    if (isH5 && typeof window !== 'undefined') {
      window.removeEventListener('online', up)
      window.removeEventListener('offline', down)
    }
  }
}
