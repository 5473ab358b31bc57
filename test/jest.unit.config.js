const { root, swc, aliases } = require('./jest.base')

/** Pure functions: no DOM, no framework. */
module.exports = {
  rootDir: root,
  displayName: 'unit',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': swc(false) },
  moduleNameMapper: { ...aliases, '^@tarojs/taro$': '<rootDir>/test/support/taro-mock.ts' },
}
