import { useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import { download } from '@/lib/http'
import { apiBase } from '@/lib/platform'
import { fileUrl } from '../ticket-status.helpers'

const cache = new Map<string, Promise<string>>()

/** Resolves an API file path to something <Image> can load: signed links as they are, others downloaded with the token. */
export function resolveImage(url: string): Promise<string> {
  if (/[?&]sig=/.test(url) || /^(blob:|data:|wxfile:)/.test(url)) return Promise.resolve(fileUrl(url, apiBase))
  let p = cache.get(url)
  if (!p) {
    p = download(url)
    p.catch(() => cache.delete(url))
    cache.set(url, p)
  }
  return p
}

interface Props {
  url: string
  className: string
  label: string
  onOpen(src: string): void
}

/** An attachment thumbnail that loads through the authenticated API. */
export function AuthedImage({ url, className, label, onOpen }: Props) {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    resolveImage(url).then(
      (s) => live && setSrc(s),
      () => live && setSrc(null),
    )
    return () => {
      live = false
    }
  }, [url])
  if (!src) return <View className={`${className} td-files__placeholder`} aria-label={label} />
  return (
    <View className={className} role='button' ariaRole='button' aria-label={label} onClick={() => onOpen(src)}>
      <Image className='td-files__fill' src={src} mode='aspectFill' />
    </View>
  )
}
