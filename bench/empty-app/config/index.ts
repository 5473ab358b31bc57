// The project's own Taro config, with what only the product has (its name, copied files) taken out.
// The suite builds this app in a scratch folder with the project's config/ copied to config/project/
// (Taro compiles TypeScript config only inside the app's own config folder).
import type { UserConfigExport } from '@tarojs/cli'

type Merge = (...configs: UserConfigExport<'webpack5'>[]) => UserConfigExport<'webpack5'>
type ProjectConfig = (merge: Merge, env: unknown) => Promise<UserConfigExport<'webpack5'>>

export default async (merge: Merge, env: unknown) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- copied in at build time
  const project = (require('./project/index') as { default: ProjectConfig }).default
  const config = await project(merge, env)
  return { ...config, projectName: 'empty-taro', copy: { patterns: [], options: {} } }
}
