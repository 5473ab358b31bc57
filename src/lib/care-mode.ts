import { create } from 'zustand'
import { storage } from './storage'

const KEY = 'care-mode'

interface CareModeState {
  on: boolean
  setOn(on: boolean): void
}

/** 长辈模式: larger type and targets, darker text; one switch for every page, kept across launches. */
export const useCareMode = create<CareModeState>((set) => ({
  on: storage.get<boolean>(KEY) === true,
  setOn(on) {
    storage.set(KEY, on)
    set({ on })
  },
}))

/** The class a page root adds so the care-mode tokens apply to everything inside it. */
export function useCareModeClass(): string {
  return useCareMode((s) => (s.on ? 'care-mode' : ''))
}
