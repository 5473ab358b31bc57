/**
 * Confirm dialogs, the one way the app opens them. WeChat and Taro's H5 build refuse a button
 * label wider than four Chinese characters (eight narrow ones) and reject the call, which used to
 * leave a tap doing nothing; labels are fitted here and a refused dialog is reported, not thrown.
 */
import Taro from '@tarojs/taro'

/** Widest button label a modal accepts, counting a full-width character as two. */
export const MODAL_LABEL_WIDTH = 8

// The same range Taro's H5 showModal counts as double width.
const WIDE = /[\u0391-\uFFE5]/

/** Width of a label as WeChat and Taro measure it (full-width characters count twice). */
export function labelWidth(label: string): number {
  return Array.from(label).reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0)
}

/** The label cut to what a modal button accepts (dictionaries keep theirs short; this is the guard). */
export function fitModalLabel(label: string): string {
  let width = 0
  let out = ''
  for (const ch of Array.from(label.trim())) {
    width += WIDE.test(ch) ? 2 : 1
    if (width > MODAL_LABEL_WIDTH) break
    out += ch
  }
  return out.trim()
}

export interface AskOptions {
  title: string
  content: string
  confirmText?: string
  cancelText?: string
  showCancel?: boolean
}

/** What the person chose, or `failed` when the platform would not show the dialog. */
export type AskResult = 'confirm' | 'cancel' | 'failed'

/** Shows a confirm dialog with fitted labels; never rejects. */
export async function askModal({ confirmText, cancelText, ...rest }: AskOptions): Promise<AskResult> {
  try {
    const res = await Taro.showModal({
      ...rest,
      ...(confirmText ? { confirmText: fitModalLabel(confirmText) } : {}),
      ...(cancelText ? { cancelText: fitModalLabel(cancelText) } : {}),
    })
    return res.confirm ? 'confirm' : 'cancel'
  } catch {
    return 'failed'
  }
}
