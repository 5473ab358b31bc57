import { View, Text } from '@tarojs/components'

/** 提交工单 */
export default function Page() {
  return (
    <View className='page'>
      <View className='card'>
        <Text className='title'>提交工单</Text>
        <Text className='muted'>描述您遇到的问题，我们会在 24 小时内首次回复。</Text>
      </View>
    </View>
  )
}
