import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

/** Key/value storage over Taro's sync storage (wx storage in weapp, localStorage in H5). */
export const storage = {
  get<T>(key: string): T | null {
    try {
      const v = Taro.getStorageSync(key) as T | '' | undefined
      return v === '' || v === undefined ? null : (v as T)
    } catch {
      return null
    }
  },
  set(key: string, value: unknown): void {
    try {
      Taro.setStorageSync(key, value)
    } catch {
      // Storage full or unavailable: the app keeps working from memory.
    }
  },
  remove(key: string): void {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // Nothing to remove.
    }
  },
}

/** Adapter for zustand's `persist` (drafts, outbox, token). */
export const taroStateStorage: StateStorage = {
  getItem: (name) => {
    const v = storage.get<string>(name)
    return typeof v === 'string' ? v : null
  },
  setItem: (name, value) => storage.set(name, value),
  removeItem: (name) => storage.remove(name),
}
