const { root, swc, aliases } = require('./jest.base')

/** WeChat's own compilers (wcc, wcsc) and DevTools' quality scan on the built dist/weapp. */
module.exports = {
  rootDir: root,
  displayName: 'toolchain',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/toolchain/**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc(false) },
  moduleNameMapper: aliases,
  testTimeout: 120000,
  maxWorkers: 1,
}
