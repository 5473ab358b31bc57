import { View, Text } from '@tarojs/components'

/** 在线客服 */
export default function Page() {
  return (
    <View className='page'>
      <View className='card'>
        <Text className='title'>在线客服</Text>
        <Text className='muted'>智能客服 7×24 小时在线，需要时可转人工客服。</Text>
      </View>
    </View>
  )
}
