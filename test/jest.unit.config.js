const { root, swc, aliases } = require('./jest.base')

/** Pure functions: no DOM, no framework. */
module.exports = {
  rootDir: root,
  displayName: 'unit',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
  // typebox ships ESM only; the bot validates its content files with it.
  transform: { '^.+\\.tsx?$': swc(false), '^.+\\.m?js$': swc(false) },
  transformIgnorePatterns: ['/node_modules/(?!(typebox|@lingui|@messageformat)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: { ...aliases, '^@tarojs/taro$': '<rootDir>/test/support/taro-mock.ts' },
}
