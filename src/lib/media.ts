/**
 * Picking photos, the one way the app does it: consent first (WeChat's privacy rules), then
 * chooseMedia (chooseImage is deprecated since base library 2.21.0). On H5 Taro opens the
 * browser's file chooser.
 */
import Taro from '@tarojs/taro'
import { askModal } from './modal'
import { requirePrivacy } from './privacy'
import { privacyText as t } from './privacy.i18n'

/** What came of a pick: local paths (with sizes), a closed picker, or consent refused. */
export type PickResult =
  { status: 'picked'; files: { path: string; size: number }[] } | { status: 'cancelled' } | { status: 'privacy-refused' }

interface PickOptions {
  /** Most photos to pick at once (WeChat allows up to 9 here). */
  count: number
  /** Offer the camera besides the album. */
  camera?: boolean
}

const isPrivacyError = (e: unknown) => /privacy/i.test(String((e as { errMsg?: string } | null)?.errMsg ?? e))

/** Lets the user pick up to `count` photos after consent; never throws. */
export async function pickPhotos({ count, camera = true }: PickOptions): Promise<PickResult> {
  if (!(await requirePrivacy())) return { status: 'privacy-refused' }
  try {
    const res = await Taro.chooseMedia({
      count: Math.max(1, Math.min(count, 9)),
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: camera ? ['album', 'camera'] : ['album'],
    })
    const files = (res.tempFiles ?? []).map((f) => ({ path: f.tempFilePath, size: f.size }))
    return files.length ? { status: 'picked', files } : { status: 'cancelled' }
  } catch (e) {
    return isPrivacyError(e) ? { status: 'privacy-refused' } : { status: 'cancelled' }
  }
}

/** Tells the user, politely, why no photo picker opened and that the rest of the app works. */
export function explainPhotosRefused(): void {
  void askModal({ title: t.refusedTitle, content: t.refusedBody, showCancel: false, confirmText: t.ok })
}
