/**
 * @tarojs/taro for jest: page hooks run like effects, storage is an in-memory map, and every
 * API is a jest.fn so tests can assert on calls and script responses.
 */
import { useEffect } from 'react'

type Fn = (...args: unknown[]) => unknown
const useRunOnMount = (fn: Fn) =>
  // eslint-disable-next-line react-hooks/exhaustive-deps -- lifecycle hooks run once, like Taro's
  useEffect(() => void fn(), [])
const noopHook = (_fn: Fn) => undefined

// Kept on globalThis so it outlives jest.isolateModules: a "restarted" app finds its storage.
const g = globalThis as { __taroMemoryStorage?: Map<string, unknown> }
export const memoryStorage: Map<string, unknown> = (g.__taroMemoryStorage ??= new Map())

export const useLoad = useRunOnMount
export const useReady = useRunOnMount
export const useDidShow = useRunOnMount
export const useLaunch = useRunOnMount
export const useDidHide = noopHook
export const useUnload = noopHook
export const usePullDownRefresh = noopHook
export const useReachBottom = noopHook
export const usePageScroll = noopHook
export const useShareAppMessage = noopHook
export const useRouter = jest.fn(() => ({ params: {} as Record<string, string>, path: '' }))

const ok = () => Promise.resolve({ errMsg: 'ok' })
export const navigateTo = jest.fn(ok)
export const redirectTo = jest.fn(ok)
export const navigateBack = jest.fn(ok)
export const switchTab = jest.fn(ok)
export const reLaunch = jest.fn(ok)
export const showToast = jest.fn(ok)
export const showModal = jest.fn(() => Promise.resolve({ confirm: true, cancel: false }))
export const showLoading = jest.fn(ok)
export const hideLoading = jest.fn(ok)
export const makePhoneCall = jest.fn(ok)
export const setClipboardData = jest.fn(ok)
export const previewImage = jest.fn(ok)
export const chooseMedia = jest.fn()
export const requestSubscribeMessage = jest.fn()
export const setTabBarBadge = jest.fn(ok)
export const setTabBarItem = jest.fn(ok)
export const setNavigationBarTitle = jest.fn(ok)
export const removeTabBarBadge = jest.fn(ok)
export const stopPullDownRefresh = jest.fn(ok)
export const pageScrollTo = jest.fn(ok)
export const onNetworkStatusChange = jest.fn()
export const offNetworkStatusChange = jest.fn()
export const getNetworkType = jest.fn(() => Promise.resolve({ networkType: 'wifi' }))
export const login = jest.fn(() => Promise.resolve({ code: 'test-code' }))
export const request = jest.fn()
export const uploadFile = jest.fn()
export const downloadFile = jest.fn()
export const getStorageSync = jest.fn((key: string) => (memoryStorage.has(key) ? memoryStorage.get(key) : ''))
export const setStorageSync = jest.fn((key: string, value: unknown) => void memoryStorage.set(key, value))
export const removeStorageSync = jest.fn((key: string) => void memoryStorage.delete(key))
export const getSystemInfoSync = jest.fn(() => ({ platform: 'devtools', windowWidth: 375, windowHeight: 812, safeArea: { bottom: 812 } }))
export const eventCenter = { on: jest.fn(), off: jest.fn(), trigger: jest.fn() }
export const getEnv = () => 'WEB'
export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' }

const Taro = {
  useLoad,
  useReady,
  useDidShow,
  useLaunch,
  useDidHide,
  useUnload,
  usePullDownRefresh,
  useReachBottom,
  usePageScroll,
  useShareAppMessage,
  useRouter,
  navigateTo,
  redirectTo,
  navigateBack,
  switchTab,
  reLaunch,
  showToast,
  showModal,
  showLoading,
  hideLoading,
  makePhoneCall,
  setClipboardData,
  previewImage,
  chooseMedia,
  requestSubscribeMessage,
  setTabBarBadge,
  setTabBarItem,
  setNavigationBarTitle,
  removeTabBarBadge,
  stopPullDownRefresh,
  pageScrollTo,
  onNetworkStatusChange,
  offNetworkStatusChange,
  getNetworkType,
  login,
  request,
  uploadFile,
  downloadFile,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  getSystemInfoSync,
  eventCenter,
  getEnv,
  ENV_TYPE,
}
export default Taro
