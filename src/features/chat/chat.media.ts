/** Picking and shrinking images before upload (WeChat compresses natively; browsers via canvas). */
import Taro from '@tarojs/taro'
import { explainPhotosRefused, pickPhotos } from '@/lib/media'
import { isH5 } from '@/lib/platform'

/** Longest side of an uploaded photo; enough to read a screenshot, small enough for mobile data. */
export const MAX_IMAGE_SIDE = 1600
const COMPRESS_ABOVE_BYTES = 300 * 1024

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

/** Lets the shopper pick one photo (album or camera) and returns a compressed local path. */
export async function pickImage(): Promise<string | null> {
  const picked = await pickPhotos({ count: 1 })
  if (picked.status === 'privacy-refused') explainPhotosRefused()
  if (picked.status !== 'picked') return null
  const file = picked.files[0]
  if (file.size <= COMPRESS_ABOVE_BYTES) return file.path
  try {
    if (isH5) return await shrinkInBrowser(file.path)
    return (await Taro.compressImage({ src: file.path, quality: 80 })).tempFilePath
  } catch {
    return file.path
  }
}
