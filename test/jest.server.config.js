const { root, swc, aliases } = require('./jest.base')

/** Server through app.inject / real HTTP; DATABASE_URL set means PostgreSQL, else SQLite. */
module.exports = {
  rootDir: root,
  displayName: process.env.DATABASE_URL ? 'server:postgres' : 'server:sqlite',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/server/**/*.test.ts'],
  // typebox, content-disposition 3 and cookie 2 ship ESM only; Node 20's require cannot load them.
  transform: { '^.+\\.(t|j)sx?$': swc(false), '^.+\\.mjs$': swc(false) },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|cookie|typebox)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: aliases,
  testTimeout: 30000,
  // Each test app gets its own SQLite file or PostgreSQL database, so files run in parallel.
  maxWorkers: '50%',
}
