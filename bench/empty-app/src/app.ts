import type { PropsWithChildren } from 'react'

/** The app shell of an empty Taro app. */
export default function App({ children }: PropsWithChildren) {
  return children
}
