/** Calls `set` with an input event's text; events without one (seen from H5 web components) are ignored. */
export function withValue(set: (value: string) => void) {
  return (e: { detail?: { value?: unknown } }) => {
    const v = e.detail?.value
    if (typeof v === 'string') set(v)
  }
}
