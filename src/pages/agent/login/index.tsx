import { View, Text } from '@tarojs/components'

/** 客服登录 */
export default function Page() {
  return (
    <View className='page'>
      <View className='card'>
        <Text className='title'>客服登录</Text>
        <Text className='muted'>客服人员请使用工号和密码登录。</Text>
      </View>
    </View>
  )
}
