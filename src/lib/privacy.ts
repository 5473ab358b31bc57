/**
 * WeChat's user-privacy consent. Privacy APIs (photo picking, clipboard…) stay pending until the
 * shopper agrees to the app's privacy guideline; WeChat then calls onNeedPrivacyAuthorization,
 * the app shows its own consent sheet, and the sheet answers WeChat with agree or disagree.
 * Base library 2.32.3 has these APIs; older ones (and H5) have no consent step at all.
 */
import { create } from 'zustand'
import { isWeapp } from './platform'

type Resolve = (answer: { event: 'agree' | 'disagree'; buttonId?: string }) => void

interface PrivacyState {
  /** WeChat is waiting for the shopper's answer; the consent sheet is open. */
  asking: boolean
  /** The shopper said no this session; photo picking explains why it cannot go on. */
  refused: boolean
}

/** Consent state for the sheet; components select from it, the functions below change it. */
export const usePrivacy = create<PrivacyState>(() => ({ asking: false, refused: false }))

/** The id of the sheet's agree button: WeChat checks that this very button was tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree'

let pending: Resolve | null = null
let installed = false

const canUse = (api: string) => isWeapp && typeof wx !== 'undefined' && typeof wx.canIUse === 'function' && wx.canIUse(api)

/** Registers the one consent listener (WeChat keeps only the last one registered). */
export function installPrivacyConsent(): void {
  if (installed || !canUse('onNeedPrivacyAuthorization')) return
  installed = true
  wx.onNeedPrivacyAuthorization((resolve) => {
    // miniprogram-api-typings types `resolve` as a callback result; at runtime it is WeChat's answer function.
    pending = resolve as unknown as Resolve
    usePrivacy.setState({ asking: true })
  })
}

/** The shopper tapped the agree button (after WeChat's own agreePrivacyAuthorization event). */
export function agreePrivacy(): void {
  pending?.({ buttonId: AGREE_BUTTON_ID, event: 'agree' })
  pending = null
  usePrivacy.setState({ asking: false, refused: false })
}

/** The shopper declined: the privacy API that asked fails; everything else keeps working. */
export function refusePrivacy(): void {
  pending?.({ event: 'disagree' })
  pending = null
  usePrivacy.setState({ asking: false, refused: true })
}

/** Opens WeChat's page with the app's privacy guideline. */
export function openPrivacyGuideline(): void {
  if (canUse('openPrivacyContract')) wx.openPrivacyContract({})
}

/**
 * Asks for consent before a privacy API is used, so the sheet comes first and the API call
 * then goes straight through. Resolves true when the app may go on (already agreed, agreed
 * now, or a base library without the consent step).
 */
export function requirePrivacy(): Promise<boolean> {
  if (!canUse('requirePrivacyAuthorize')) return Promise.resolve(true)
  installPrivacyConsent()
  return new Promise((resolve) => {
    wx.requirePrivacyAuthorize({
      success: () => resolve(true),
      fail: () => {
        usePrivacy.setState({ refused: true })
        resolve(false)
      },
    })
  })
}
