const { root, swc, aliases } = require('./jest.base')

// Taro's H5 components ship ESM; let swc compile them too.
const esm = [
  '@lingui',
  '@messageformat',
  '@tarojs',
  '\\.pnpm',
  'tslib',
  '@stencil',
  'swiper',
  'ssr-window',
  'dom7',
  'classnames',
  'lodash-es',
  'zustand',
  '@nutui',
]

/** React components with Taro's H5 components in jsdom (what the H5 build renders). */
module.exports = {
  rootDir: root,
  displayName: 'component',
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { customExportConditions: [''] },
  testMatch: ['<rootDir>/test/component/**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': swc(true),
    '^.+\\.mjs$': ['@swc/jest', { jsc: { target: 'es2020' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'jsx', 'json'],
  moduleNameMapper: {
    // Before the aliases: the first matching pattern wins.
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/support/file-stub.js',
    ...aliases,
    '^@tarojs/taro$': '<rootDir>/test/support/taro-mock.ts',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@nutui/nutui-react-taro$': '<rootDir>/test/support/nutui-on-demand.js',
    '\\.(css|less|scss|sass)$': 'identity-obj-proxy',
  },
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
    API_BASE: '',
  },
  setupFiles: ['<rootDir>/test/support/component-env.js'],
  setupFilesAfterEnv: ['@testing-library/jest-dom'],
}
