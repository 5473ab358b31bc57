const { root } = require('./jest.base')

/** miniprogram-simulate against the built dist/weapp (run `npm run build:weapp` first). */
module.exports = {
  rootDir: root,
  displayName: 'weapp',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/weapp/**/*.test.js'],
  // The build output is already plain JS; compiling it again would change what we test.
  transform: {},
  testTimeout: 30000,
}
