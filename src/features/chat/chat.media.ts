/** Picking the one photo a chat message carries. */
import { explainPhotosRefused, pickPhotos, shrinkPhoto } from '@/lib/media'

/** Lets the shopper pick one photo (album or camera) and returns a compressed local path. */
export async function pickImage(): Promise<string | null> {
  const picked = await pickPhotos({ count: 1 })
  if (picked.status === 'privacy-refused') explainPhotosRefused()
  if (picked.status !== 'picked') return null
  return shrinkPhoto(picked.files[0])
}
