/**
 * Runs DevTools' code-quality scan (miniprogram-ci checkCodeQuality) on the project in argv[2],
 * writing the items as JSON to the file in argv[3] (the library logs to stdout),
 * offline: a dummy appid, a throwaway RSA key and the default project attributes instead of
 * asking WeChat's servers. It exits when done: the library leaves a file watcher running, so it
 * lives in its own process.
 */
const crypto = require('node:crypto')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const ci = require('miniprogram-ci')

async function main() {
  const projectPath = path.resolve(process.argv[2])
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-quality-'))
  const privateKeyPath = path.join(dir, 'private.key')
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  fs.writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }))
  try {
    const project = new ci.Project({
      appid: 'wx0000000000000000',
      type: 'miniProgram',
      projectPath,
      privateKeyPath,
      ignores: ['node_modules/**/*', '.git/**/*', 'dist/h5/**/*', 'data/**/*', 'test/**/*', 'docs/**/*', 'src/**/*', 'server/**/*'],
    })
    project.attr = async () => JSON.parse(JSON.stringify(ci.DefaultProjectAttr))
    const items = await ci.checkCodeQuality(project)
    fs.writeFileSync(process.argv[3], JSON.stringify(items))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
