import { useState } from 'react'
import { Button, Image, Text, Textarea, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import type { ReplyBody } from '@shared/ticket'
import { LengthCount } from '@/components/length-count'
import { ApiError } from '@/lib/http'
import { explainPhotosRefused, pickPhotos, shrinkPhoto } from '@/lib/media'
import { uploadEvidence } from '../tickets.api'
import { withValue } from './input-value'
import { t } from '@/lib/i18n'

const REPLY_MAX = 2000

interface Props {
  visible: boolean
  busy: boolean
  onClose(): void
  onSubmit(body: ReplyBody): Promise<string | null>
}

interface Pic {
  path: string
  uploadId?: string
  progress: number
  failed?: boolean
}

/** 补充说明: text and up to nine images, uploaded as they are picked. */
export function ReplySheet({ visible, busy, onClose, onSubmit }: Props) {
  const [text, setText] = useState('')
  const [pics, setPics] = useState<Pic[]>([])
  const [error, setError] = useState<string | null>(null)
  const patch = (path: string, p: Partial<Pic>) => setPics((all) => all.map((x) => (x.path === path ? { ...x, ...p } : x)))
  const pick = async () => {
    const picked = await pickPhotos({ count: 9 - pics.length })
    if (picked.status === 'privacy-refused') explainPhotosRefused()
    if (picked.status !== 'picked') return
    const paths = await Promise.all(picked.files.map(shrinkPhoto))
    setPics((all) => [...all, ...paths.map((path) => ({ path, progress: 0 }))])
    await Promise.all(
      paths.map((path) =>
        uploadEvidence(path, (progress) => patch(path, { progress })).then(
          (u) => patch(path, { uploadId: u.id, progress: 100 }),
          (e) => {
            patch(path, { failed: true })
            setError(e instanceof ApiError ? e.message : t('tickets.replyImageFailed'))
          },
        ),
      ),
    )
  }
  const send = async () => {
    if (busy) return
    if (pics.some((p) => !p.uploadId && !p.failed)) return setError(t('tickets.replyUploading'))
    const attachments = pics.filter((p) => p.uploadId).map((p) => ({ uploadId: p.uploadId!, kind: 'other' as const }))
    if (!text.trim() && attachments.length === 0) return setError(t('tickets.replyEmpty'))
    const failed = await onSubmit({ text: text.trim(), attachments })
    if (failed) return setError(failed)
    setText('')
    setPics([])
  }
  return (
    <Popup visible={visible} position='bottom' round closeable title={t('tickets.addInfo')} onClose={onClose} destroyOnClose>
      <View className='td-sheet'>
        <Text className='td-sheet__hint'>{t('tickets.replyHint')}</Text>
        <Textarea
          className='td-sheet__textarea'
          value={text}
          maxlength={REPLY_MAX}
          placeholder={t('tickets.replyPlaceholder')}
          aria-label={t('tickets.replyAria')}
          onInput={withValue((v) => {
            setText(v)
            setError(null)
          })}
        />
        <LengthCount length={text.length} max={REPLY_MAX} fullText={t('tickets.lengthFull', { max: REPLY_MAX })} />
        <View className='td-files'>
          {pics.map((p) => (
            <View key={p.path} className='td-files__pic' onClick={() => setPics((all) => all.filter((x) => x.path !== p.path))}>
              <Image className='td-files__img' src={p.path} mode='aspectFill' />
              {!p.uploadId && (
                <Text className='td-files__pct'>{p.failed ? t('tickets.replyPicFailed') : `${Math.round(p.progress)}%`}</Text>
              )}
            </View>
          ))}
          {pics.length < 9 && (
            <View className='td-files__add' role='button' ariaRole='button' aria-label={t('tickets.replyAddImage')} onClick={pick}>
              +
            </View>
          )}
        </View>
        {error && (
          <View className='td-sheet__error' role='alert' ariaRole='alert'>
            {error}
          </View>
        )}
        <Button className={`td-sheet__submit ${busy ? 'td-sheet__submit--busy' : ''}`} onClick={send}>
          {t('tickets.replySend')}
        </Button>
      </View>
    </Popup>
  )
}
