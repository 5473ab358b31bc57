import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HelpPage from '@/pages/help/index'

describe('help center page', () => {
  it('lists every channel and dials the hotline', async () => {
    render(<HelpPage />)
    expect(screen.getByText('在线客服')).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getByText('电话客服 95188')))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '95188' })
  })

  it('switches the FAQ category when a topic is tapped', async () => {
    render(<HelpPage />)
    expect(screen.getByText(/当前分类：订单/)).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getByText('物流')))
    expect(screen.getByText(/当前分类：物流/)).toBeInTheDocument()
  })
})
