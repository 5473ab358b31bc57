import Taro from '@tarojs/taro'
import { askModal, fitModalLabel, labelWidth, MODAL_LABEL_WIDTH } from '../../src/lib/modal'

const showModal = Taro.showModal as unknown as jest.Mock

/** Taro H5's own rule: a label wider than four Chinese characters rejects the call. */
const likeTaroH5 = (o: { confirmText?: string; cancelText?: string }) =>
  [o.confirmText, o.cancelText].some((l) => l !== undefined && labelWidth(l) > MODAL_LABEL_WIDTH)
    ? Promise.reject({ errMsg: 'showModal:fail confirmText length should not larger then 4 Chinese characters' })
    : Promise.resolve({ confirm: true, cancel: false })

describe('modal labels', () => {
  it('measures Chinese characters as two and Latin letters as one', () => {
    expect(labelWidth('在线客服')).toBe(8)
    expect(labelWidth('去在线客服')).toBe(10)
    expect(labelWidth('Copy')).toBe(4)
    expect(labelWidth('OK 好')).toBe(5)
  })

  it('cuts labels to four Chinese or eight Latin characters', () => {
    expect(fitModalLabel('复制小程序名')).toBe('复制小程')
    expect(fitModalLabel('Online chat')).toBe('Online c')
    expect(fitModalLabel('确定')).toBe('确定')
    expect(labelWidth(fitModalLabel('Open the online chat now'))).toBeLessThanOrEqual(MODAL_LABEL_WIDTH)
  })
})

describe('askModal', () => {
  afterEach(() => showModal.mockReset())

  it('opens even with labels the platform would refuse', async () => {
    showModal.mockImplementation(likeTaroH5)
    await expect(askModal({ title: '微信客服', content: '…', confirmText: '去在线客服', cancelText: '复制小程序名' })).resolves.toBe(
      'confirm',
    )
    const shown = showModal.mock.calls[0][0] as { confirmText: string; cancelText: string }
    expect(labelWidth(shown.confirmText)).toBeLessThanOrEqual(MODAL_LABEL_WIDTH)
    expect(labelWidth(shown.cancelText)).toBeLessThanOrEqual(MODAL_LABEL_WIDTH)
  })

  it('reports cancel, and a refused dialog as failed instead of throwing', async () => {
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    await expect(askModal({ title: 't', content: 'c' })).resolves.toBe('cancel')
    showModal.mockRejectedValueOnce({ errMsg: 'showModal:fail' })
    await expect(askModal({ title: 't', content: 'c' })).resolves.toBe('failed')
  })
})

describe('the labels the app puts on modal buttons', () => {
  it('fit as written, so none is cut', async () => {
    const { helpText } = await import('../../src/features/help/help.i18n')
    const { ticketsText } = await import('../../src/features/tickets/tickets.i18n')
    const { privacyText } = await import('../../src/lib/privacy.i18n')
    for (const label of [helpText.wechatH5Confirm, helpText.wechatH5Copy, ticketsText.solved, privacyText.ok]) {
      expect(fitModalLabel(label)).toBe(label)
    }
  })
})
