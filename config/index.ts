import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'node:path'

const platform = process.env.TARO_ENV ?? 'weapp'

/**
 * Where the app reaches the API. H5 is served by the API server itself, so same origin;
 * the mini-program in DevTools talks to the local server unless TARO_APP_API_BASE says otherwise.
 */
function apiBase(): string {
  if (process.env.TARO_APP_API_BASE) return process.env.TARO_APP_API_BASE
  return platform === 'h5' ? '' : 'http://127.0.0.1:8080'
}

export default defineConfig<'webpack5'>(async (merge) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'wechat-service-desk',
    date: '2026-11-26',
    // NutUI is authored at 375 px; our own styles at 750 rpx.
    designWidth: (input: unknown) => {
      const file = typeof input === 'object' && input ? String((input as { file?: string }).file ?? '') : ''
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@shared': path.resolve(__dirname, '..', 'types'),
    },
    plugins: [path.resolve(__dirname, 'weapp-aria.ts')],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase()),
    },
    // sitemap.json tells WeChat search which pages it may index (mini-program only); browsers get the favicon.
    copy: {
      patterns:
        platform === 'weapp'
          ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }]
          : [{ from: 'src/assets/favicon.ico', to: 'dist/h5/favicon.ico' }],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Taro escapes every non-ASCII character by default (\uXXXX, 6 bytes); the packages are UTF-8, so
    // Chinese texts ship as themselves at 3 bytes each (WeChat and browsers read UTF-8 scripts).
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      // The shared contract (types/) lives outside src; compile it like app code.
      compile: { include: [path.resolve(__dirname, '..', 'types')] },
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [path.resolve(__dirname, '..', 'types')] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
    },
  }
  return merge({}, base)
})
