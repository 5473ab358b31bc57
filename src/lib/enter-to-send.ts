import { useEffect, useRef } from 'react'
import { isH5 } from './platform'

/**
 * For a Textarea whose confirm (Enter) sends. In a browser the Enter key would still type its
 * newline after the send emptied the box, bringing the text back; this keeps Enter to sending
 * and lets Shift+Enter break the line without sending. The mini-program keyboard needs none of it.
 * Returns the ref to put on the Textarea.
 */
export function useEnterToSend<T>() {
  const ref = useRef<T>(null)
  useEffect(() => {
    const el = ref.current as unknown as HTMLElement | null
    if (!isH5 || !el || typeof el.addEventListener !== 'function') return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.isComposing) return
      // Capture phase, before the textarea's own handler: stopping it means no confirm event.
      if (e.shiftKey) e.stopPropagation()
      else e.preventDefault()
    }
    el.addEventListener('keydown', onKey, true)
    return () => el.removeEventListener('keydown', onKey, true)
  }, [])
  return ref
}
