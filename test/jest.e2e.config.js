const { root, swc, aliases } = require('./jest.base')

/** Chromium (Debian's) driving the real H5 build served by the real server. */
module.exports = {
  rootDir: root,
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  // typebox, content-disposition 3 and cookie 2 ship ESM only; Node 20's require cannot load them.
  transform: { '^.+\\.(t|j)sx?$': swc(false), '^.+\\.mjs$': swc(false) },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|cookie|typebox)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: aliases,
  testTimeout: 90000,
  maxWorkers: 1,
}
