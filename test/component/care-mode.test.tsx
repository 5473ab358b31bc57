import { fireEvent, render, screen } from '@testing-library/react'
import * as React from 'react'
import Taro from '@tarojs/taro'
import { CareModeSwitch } from '@/features/help/components/care-mode-switch'
import { useCareModeClass } from '@/lib/care-mode'

/** A stand-in page root, as every shopper page wires it. */
function PageRoot() {
  const care = useCareModeClass()
  return <div data-testid='root' className={`page ${care}`} />
}

/** Loads the store afresh, as a relaunched app would, and renders the switch and a page root. */
function launch() {
  let ui: ReturnType<typeof render> | undefined
  jest.isolateModules(() => {
    // Only the app's modules start fresh; React stays the one the renderer uses.
    jest.doMock('react', () => React)
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module graph per launch
    const lib = require('@/lib/care-mode') as typeof import('@/lib/care-mode')
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the switch must share that fresh store
    const sw = require('@/features/help/components/care-mode-switch') as typeof import('@/features/help/components/care-mode-switch')
    const Root = () => <div data-testid='root' className={`page ${lib.useCareModeClass()}`} />
    ui = render(
      <>
        <sw.CareModeSwitch />
        <Root />
      </>,
    )
  })
  return ui!
}

beforeEach(() => Taro.removeStorageSync('care-mode'))

describe('care mode switch (长辈模式)', () => {
  it('is a named switch that turns care mode on for the page and off again', () => {
    render(
      <>
        <CareModeSwitch />
        <PageRoot />
      </>,
    )
    const sw = screen.getByRole('switch', { name: '长辈模式' })
    expect(sw).toHaveAttribute('aria-checked', 'false')
    expect(screen.getByTestId('root')).not.toHaveClass('care-mode')
    fireEvent.click(sw)
    expect(sw).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByTestId('root')).toHaveClass('care-mode')
    fireEvent.click(sw)
    expect(sw).toHaveAttribute('aria-checked', 'false')
    expect(screen.getByTestId('root')).not.toHaveClass('care-mode')
  })

  it('is still on after the app is closed and opened again', () => {
    const first = launch()
    fireEvent.click(screen.getByRole('switch', { name: '长辈模式' }))
    first.unmount()
    launch()
    expect(screen.getByRole('switch', { name: '长辈模式' })).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByTestId('root')).toHaveClass('care-mode')
  })
})
