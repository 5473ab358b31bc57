// Imported first by a test file: the app picks its language when its modules load, so the
// browser locale has to say English before any app module is imported.
Object.defineProperty(window.navigator, 'language', { value: 'en-US', configurable: true })
