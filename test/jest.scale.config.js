const { root, swc, aliases } = require('./jest.base')

/** nginx in front of three real server processes on one PostgreSQL and one Redis (all throwaway). */
module.exports = {
  rootDir: root,
  displayName: 'scale',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/scale/**/*.test.ts'],
  // typebox, content-disposition 3 and cookie 2 ship ESM only; Node 20's require cannot load them.
  transform: { '^.+\\.(t|j)sx?$': swc(false), '^.+\\.mjs$': swc(false) },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|cookie|typebox)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: aliases,
  testTimeout: 120000,
  // One cluster at a time: three servers, nginx, PostgreSQL and Redis are enough for two cores.
  maxWorkers: 1,
}
