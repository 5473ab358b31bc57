/**
 * Spread on a scroll region or a custom control so keyboard users can reach it in H5 (Taro's
 * component types leave tabIndex out; the mini-program ignores it).
 */
export const focusable: Record<string, number> = { tabIndex: 0 }
