// Mirrors babel-plugin-import for jest: `import { Popup } from '@nutui/nutui-react-taro'` loads only
// dist/es/packages/popup (the package's main entry is a UMD bundle that needs a real canvas).
module.exports = new Proxy(
  {},
  {
    get(_target, name) {
      if (name === '__esModule') return true
      if (typeof name !== 'string' || !/^[A-Z]/.test(name)) return undefined
      return require(`@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`).default
    },
  },
)
