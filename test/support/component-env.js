/* global window, Element -- runs inside the jsdom test environment */
process.env.TARO_ENV = 'h5'
// The app speaks Chinese unless the browser asks for English; jsdom says en-US.
Object.defineProperty(window.navigator, 'language', { value: 'zh-CN', configurable: true })
// jsdom does no layout: scrolling an element into view is a no-op there.
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = function scrollIntoView() {}
