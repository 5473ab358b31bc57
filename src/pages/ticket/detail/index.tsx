import { View, Text } from '@tarojs/components'

/** 工单详情 */
export default function Page() {
  return (
    <View className='page'>
      <View className='card'>
        <Text className='title'>工单详情</Text>
        <Text className='muted'>工单处理进度和客服回复会显示在这里。</Text>
      </View>
    </View>
  )
}
