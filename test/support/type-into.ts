import { screen } from '@testing-library/react'

/**
 * Types into a Taro Input/Textarea found by its aria-label. Taro's H5 components report text as
 * `event.detail.value`; a plain InputEvent cannot carry that (UIEvent's detail is a number), so
 * this sets the inner field and sends the event the way the component itself does.
 */
export function typeInto(label: string, value: string): void {
  const host = screen.getByLabelText(label)
  const field = host.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')
  if (field) field.value = value
  ;(field ?? host).dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
}
