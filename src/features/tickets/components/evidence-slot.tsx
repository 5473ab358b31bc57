import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { EvidenceKind, EvidenceRequirement } from '@shared/catalog-data'
import { explainPhotosRefused, pickPhotos, shrinkPhoto } from '@/lib/media'
import { apiBase } from '@/lib/platform'
import { doneFiles } from '../ticket-form.helpers'
import { fileUrl } from '../ticket-status.helpers'
import type { EvidenceFile } from '../ticket-form.types'
import { t } from '@/lib/i18n'

interface Props {
  req: EvidenceRequirement & { label: string; hint: string }
  files: EvidenceFile[]
  error: string | null
  onAdd(kind: EvidenceKind, paths: string[]): void
  onRemove(kind: EvidenceKind, key: string): void
}

/** One labelled evidence slot: what to photograph, how many, thumbnails with upload progress. */
export function EvidenceSlot({ req, files, error, onAdd, onRemove }: Props) {
  const room = req.maxFiles - files.length
  const choose = async () => {
    const picked = await pickPhotos({ count: room })
    if (picked.status === 'privacy-refused') explainPhotosRefused()
    if (picked.status !== 'picked') return
    onAdd(req.kind, await Promise.all(picked.files.slice(0, room).map(shrinkPhoto)))
  }
  const preview = (f: EvidenceFile) => {
    const urls = doneFiles(files).map((x) => (x.url ? fileUrl(x.url, apiBase) : x.localPath))
    Taro.previewImage({ current: f.url ? fileUrl(f.url, apiBase) : f.localPath, urls: urls.length ? urls : [f.localPath] })
  }
  return (
    <View className={`tf-slot ${error ? 'tf-slot--error' : ''}`} id={`field-evidence-${req.kind}`} data-field={`evidence.${req.kind}`}>
      <View className='tf-slot__head'>
        <Text className='tf-slot__label'>{req.label}</Text>
        <Text className='tf-slot__count'>{t('tickets.slotCount', { done: doneFiles(files).length, min: req.minFiles })}</Text>
      </View>
      <Text className='tf-slot__hint'>{t('tickets.slotExample', { hint: req.hint })}</Text>
      <View className='tf-slot__grid'>
        {files.map((f, i) => (
          <View
            key={f.key}
            className={`tf-thumb tf-thumb--${f.status}`}
            aria-label={t('tickets.thumbAria', { label: req.label, i: i + 1 })}
          >
            <Image
              className='tf-thumb__img'
              src={f.url ? fileUrl(f.url, apiBase) : f.localPath}
              mode='aspectFill'
              onClick={() => f.status === 'done' && preview(f)}
            />
            {f.status === 'uploading' && (
              <View className='tf-thumb__progress' role='progressbar' ariaRole='progressbar' aria-valuenow={f.progress}>
                <View className='tf-thumb__bar' style={{ width: `${f.progress}%` }} />
                <Text className='tf-thumb__pct'>{Math.round(f.progress)}%</Text>
              </View>
            )}
            {f.status === 'failed' && <Text className='tf-thumb__failed'>{f.error ?? t('tickets.uploadFailed')}</Text>}
            <View
              className='tf-thumb__remove'
              role='button'
              ariaRole='button'
              aria-label={t('tickets.removeAria', { label: req.label, i: i + 1 })}
              onClick={() => onRemove(req.kind, f.key)}
            >
              ×
            </View>
          </View>
        ))}
        {room > 0 && (
          <View
            className='tf-thumb tf-thumb--add'
            role='button'
            ariaRole='button'
            aria-label={t('tickets.uploadAria', { label: req.label })}
            onClick={choose}
          >
            <Text className='tf-thumb__plus'>+</Text>
            <Text className='tf-thumb__addtext'>{files.length ? t('tickets.addMore') : t('tickets.addPhoto')}</Text>
          </View>
        )}
      </View>
      {error && (
        <View className='tf-field__error' role='alert' ariaRole='alert'>
          {error}
        </View>
      )}
    </View>
  )
}
