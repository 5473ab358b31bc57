/**
 * Picking photos, the one way the app does it: consent first (WeChat's privacy rules), then
 * chooseMedia (chooseImage is deprecated since base library 2.21.0). On H5 Taro opens the
 * browser's file chooser, where any file can still be picked: those are refused with a word.
 * Large photos are shrunk before upload (WeChat natively, browsers through a canvas).
 */
import Taro from '@tarojs/taro'
import { askModal } from './modal'
import { isH5 } from './platform'
import { requirePrivacy } from './privacy'
import { t } from '@/lib/i18n'

/** Longest side of an uploaded photo; enough to read a screenshot, small enough for mobile data. */
export const MAX_IMAGE_SIDE = 1600
/** Photos at most this large go up as they are. */
export const COMPRESS_ABOVE_BYTES = 300 * 1024

/** What came of a pick: local paths (with sizes), a closed picker, or consent refused. */
export type PickResult =
  { status: 'picked'; files: { path: string; size: number }[] } | { status: 'cancelled' } | { status: 'privacy-refused' }

interface PickOptions {
  /** Most photos to pick at once (WeChat allows up to 9 here). */
  count: number
  /** Offer the camera besides the album. */
  camera?: boolean
}

/**
 * Whether a picked file is a photo. WeChat reports `image` (or nothing); browsers give the MIME
 * type, and an empty one means the browser could not tell, so it is not treated as a photo.
 */
export function isImageFile(fileType: string | undefined): boolean {
  return fileType === undefined || fileType === 'image' || /^image\//i.test(fileType)
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
    const all = res.tempFiles ?? []
    const photos = all.filter((f) => isImageFile(f.fileType))
    // The browser's picker drops files it cannot open as images, so a pick that came back empty
    // was a pick of something that is not a photo.
    if (photos.length === 0) void Taro.showToast({ title: t('privacy.notImage'), icon: 'none' })
    else if (photos.length < all.length) void Taro.showToast({ title: t('privacy.someNotImages'), icon: 'none' })
    const files = photos.map((f) => ({ path: f.tempFilePath, size: f.size }))
    return files.length ? { status: 'picked', files } : { status: 'cancelled' }
  } catch (e) {
    return isPrivacyError(e) ? { status: 'privacy-refused' } : { status: 'cancelled' }
  }
}

/** Tells the user, politely, why no photo picker opened and that the rest of the app works. */
export function explainPhotosRefused(): void {
  void askModal({ title: t('privacy.refusedTitle'), content: t('privacy.refusedBody'), showCancel: false, confirmText: t('privacy.ok') })
}

async function shrinkInBrowser(src: string): Promise<string> {
  const img = await new Promise<HTMLImageElement>((resolve, reject) => {
    const el = new window.Image()
    el.onload = () => resolve(el)
    el.onerror = reject
    el.src = src
  })
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(img.naturalWidth, img.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(img.naturalWidth * scale)
  canvas.height = Math.round(img.naturalHeight * scale)
  canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82))
  return blob ? URL.createObjectURL(blob) : src
}

/** A local path to upload for a picked photo: shrunk when it is large, the original otherwise. */
export async function shrinkPhoto(file: { path: string; size: number }): Promise<string> {
  if (file.size <= COMPRESS_ABOVE_BYTES) return file.path
  try {
    if (isH5) return await shrinkInBrowser(file.path)
    return (await Taro.compressImage({ src: file.path, quality: 80 })).tempFilePath
  } catch {
    return file.path
  }
}
