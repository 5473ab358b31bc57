/** Shared jest pieces: swc for TypeScript, the path aliases of tsconfig. */
const path = require('node:path')

const root = path.resolve(__dirname, '..')
const swc = (tsx) => [
  '@swc/jest',
  {
    // The hoisted @swc/core is old; it rejects targets newer than es2020.
    jsc: { target: 'es2020', parser: { syntax: 'typescript', tsx }, transform: { react: { runtime: 'automatic' } } },
    module: { type: 'commonjs' },
  },
]

module.exports = {
  root,
  swc,
  aliases: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@shared/(.*)$': '<rootDir>/types/$1',
  },
}
