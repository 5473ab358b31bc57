const { bootWeapp } = require('../support/weapp-harness')

describe('built mini-program: help center', () => {
  const weapp = bootWeapp()

  it('renders the help center from dist/weapp and reacts to taps', async () => {
    const page = await weapp.loadPage('pages/help/index')
    expect(page.dom.textContent).toContain('有什么可以帮您')
    expect(page.dom.textContent).toContain('当前分类：订单')

    const topics = page.querySelectorAll('.help__topic')
    const logistics = topics.find((t) => t.dom.textContent === '物流')
    logistics.dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => page.dom.textContent.includes('当前分类：物流'), 'topic did not switch')
    expect(page.dom.textContent).not.toContain('当前分类：订单')
  })

  it('dials the hotline through wx.makePhoneCall', async () => {
    const page = await weapp.loadPage('pages/help/index')
    const hotline = page.querySelectorAll('.help__channel').find((c) => c.dom.textContent.includes('95188'))
    hotline.dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => weapp.calls.some((c) => c.name === 'makePhoneCall'), 'no makePhoneCall')
    expect(weapp.calls.find((c) => c.name === 'makePhoneCall')?.opts.phoneNumber).toBe('95188')
  })
})
