// The project's own Taro config, with what only the product has (its name, copied files) taken out.
import type { UserConfigExport } from '@tarojs/cli'
import project from '../../../../config/index'

type Merge = (...configs: UserConfigExport<'webpack5'>[]) => UserConfigExport<'webpack5'>
const build = project as unknown as (merge: Merge, env: unknown) => Promise<UserConfigExport<'webpack5'>>

export default async (merge: Merge, env: unknown) => {
  const config = await build(merge, env)
  return { ...config, projectName: 'empty-taro', copy: { patterns: [], options: {} } }
}
