import { View, Text } from '@tarojs/components'

/** 我的工单 */
export default function Page() {
  return (
    <View className='page'>
      <View className='card'>
        <Text className='title'>我的工单</Text>
        <Text className='muted'>这里会显示您提交的工单和处理进度。</Text>
      </View>
    </View>
  )
}
